/* coalition-campaigns.h — campaigns in the store: core objectives, goals
 * and their benchmarks, wins with shared credit, sign-on letters and their
 * signatories, and what goes into the monthly update
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "coalition-store.h"

G_BEGIN_DECLS

/* ---- Campaigns ----------------------------------------------------------- */

typedef struct
{
  gint64  id;
  char   *name;
  char   *objectives;      /* the one to three core objectives, one per line */
  GArray *map_ids;         /* gint64: its power maps */
  /* Progress at a glance, counted over all its benchmarks, today: */
  guint   n_benchmarks;
  guint   n_met;
  guint   n_due_soon;      /* not met, due within the next 14 days */
  guint   n_overdue;       /* not met, due before today (shown as missed) */
  guint   n_wins;
} CoalitionCampaign;

void               coalition_campaign_free        (CoalitionCampaign *self);

/* Returns the new campaign's id, 0 on error (an empty name is refused). */
gint64             coalition_store_create_campaign (CoalitionStore  *self,
                                                    const char      *name,
                                                    const char      *objectives,
                                                    GError         **error);
gboolean           coalition_store_update_campaign (CoalitionStore  *self,
                                                    gint64           campaign_id,
                                                    const char      *name,
                                                    const char      *objectives,
                                                    GError         **error);
gboolean           coalition_store_delete_campaign (CoalitionStore  *self,
                                                    gint64           campaign_id,
                                                    GError         **error);
CoalitionCampaign *coalition_store_get_campaign    (CoalitionStore  *self,
                                                    gint64           campaign_id,
                                                    GError         **error);
/* Every campaign by name; element type CoalitionCampaign. */
GPtrArray         *coalition_store_list_campaigns  (CoalitionStore  *self,
                                                    GError         **error);
/* Replaces the campaign's power maps with @map_ids (gint64). */
gboolean           coalition_store_set_campaign_maps (CoalitionStore *self,
                                                      gint64          campaign_id,
                                                      GArray         *map_ids,
                                                      GError        **error);

/* ---- Goals and benchmarks ------------------------------------------------ */

typedef enum
{
  COALITION_GOAL_SHORT_TERM,
  COALITION_GOAL_LONG_TERM,
} CoalitionGoalTerm;

const char *coalition_goal_term_get_label (CoalitionGoalTerm term);

typedef struct
{
  gint64             id;
  gint64             campaign_id;
  char              *title;
  CoalitionGoalTerm  term;
} CoalitionGoal;

void               coalition_goal_free            (CoalitionGoal *self);

typedef enum
{
  COALITION_BENCHMARK_NOT_STARTED,
  COALITION_BENCHMARK_ON_TRACK,
  COALITION_BENCHMARK_AT_RISK,
  COALITION_BENCHMARK_MET,
  COALITION_BENCHMARK_MISSED,
} CoalitionBenchmarkStatus;
#define COALITION_BENCHMARK_STATUS_LAST COALITION_BENCHMARK_MISSED

const char *coalition_benchmark_status_get_label (CoalitionBenchmarkStatus status);
const char *coalition_benchmark_status_to_string (CoalitionBenchmarkStatus status);
CoalitionBenchmarkStatus coalition_benchmark_status_from_string (const char *text);

typedef struct
{
  gint64                    id;
  gint64                    goal_id;
  char                     *title;        /* what */
  char                     *due;          /* YYYY-MM-DD, or "" */
  CoalitionBenchmarkStatus  status;       /* as set by people */
  gint64                    owner_person_id;  /* 0 when none */
  gint64                    owner_group_id;   /* 0 when none (a working group) */
  char                     *owner_name;   /* the person's or the group's name, or "" */
} CoalitionBenchmark;

CoalitionBenchmark *coalition_benchmark_new       (const char *title,
                                                   const char *due);
void               coalition_benchmark_free       (CoalitionBenchmark *self);

/* The status to show on @today (YYYY-MM-DD): a benchmark not met whose due
 * date has passed is missed, whatever was set. */
CoalitionBenchmarkStatus coalition_benchmark_get_effective_status (const CoalitionBenchmark *self,
                                                                   const char               *today);
/* Not met and due from @today to 14 days after it. */
gboolean           coalition_benchmark_is_due_soon (const CoalitionBenchmark *self,
                                                    const char               *today);

/* Returns the new goal's id, 0 on error. Goals are kept in the order added. */
gint64             coalition_store_add_goal       (CoalitionStore    *self,
                                                   gint64             campaign_id,
                                                   const char        *title,
                                                   CoalitionGoalTerm  term,
                                                   GError           **error);
gboolean           coalition_store_update_goal    (CoalitionStore    *self,
                                                   gint64             goal_id,
                                                   const char        *title,
                                                   CoalitionGoalTerm  term,
                                                   GError           **error);
gboolean           coalition_store_delete_goal    (CoalitionStore    *self,
                                                   gint64             goal_id,
                                                   GError           **error);
/* Short-term goals first, then long-term, each in the order added;
 * element type CoalitionGoal. */
GPtrArray         *coalition_store_list_goals     (CoalitionStore    *self,
                                                   gint64             campaign_id,
                                                   GError           **error);

/* Sets @benchmark's id. */
gboolean           coalition_store_add_benchmark  (CoalitionStore     *self,
                                                   gint64              goal_id,
                                                   CoalitionBenchmark *benchmark,
                                                   GError            **error);
/* Writes title, due, status and owner. */
gboolean           coalition_store_update_benchmark (CoalitionStore           *self,
                                                     const CoalitionBenchmark *benchmark,
                                                     GError                  **error);
gboolean           coalition_store_delete_benchmark (CoalitionStore  *self,
                                                     gint64           benchmark_id,
                                                     GError         **error);
/* A goal's benchmarks by due date (undated last); element type
 * CoalitionBenchmark. */
GPtrArray         *coalition_store_list_benchmarks (CoalitionStore  *self,
                                                    gint64           goal_id,
                                                    GError         **error);

/* ---- Wins ---------------------------------------------------------------- */

typedef struct
{
  gint64  id;
  gint64  campaign_id;
  gint64  goal_id;          /* 0 when it advances no goal in particular */
  char   *goal_title;       /* or "" */
  char   *campaign_name;
  char   *date;             /* YYYY-MM-DD */
  char   *title;            /* what changed */
  char   *description;
  GArray *person_ids;       /* gint64: the people who contributed */
  GArray *organization_ids; /* gint64: the organizations who contributed */
  GPtrArray *contributors;  /* char *: their names, organizations first, by name */
} CoalitionWin;

CoalitionWin      *coalition_win_new              (const char *date,
                                                   const char *title);
void               coalition_win_free             (CoalitionWin *self);

/* Sets @win's id; writes its contributors. */
gboolean           coalition_store_add_win        (CoalitionStore  *self,
                                                   CoalitionWin    *win,
                                                   GError         **error);
gboolean           coalition_store_update_win     (CoalitionStore      *self,
                                                   const CoalitionWin  *win,
                                                   GError             **error);
gboolean           coalition_store_delete_win     (CoalitionStore  *self,
                                                   gint64           win_id,
                                                   GError         **error);
/* The wins of a campaign (or of every campaign for 0), latest first, from
 * @from to @to inclusive (YYYY-MM-DD; NULL for no bound). */
GPtrArray         *coalition_store_list_wins      (CoalitionStore  *self,
                                                   gint64           campaign_id,
                                                   const char      *from,
                                                   const char      *to,
                                                   GError         **error);

/* ---- Sign-on letters ----------------------------------------------------- */

typedef enum
{
  COALITION_LETTER_DRAFTING,
  COALITION_LETTER_COLLECTING,
  COALITION_LETTER_SENT,
} CoalitionLetterStatus;
#define COALITION_LETTER_STATUS_LAST COALITION_LETTER_SENT

const char *coalition_letter_status_get_label (CoalitionLetterStatus status);

typedef struct
{
  gint64                 id;
  gint64                 campaign_id;    /* 0 when none */
  char                  *title;
  char                  *body;           /* the text of the letter */
  gint64                 addressee_id;   /* a person of the directory, 0 when none */
  char                  *addressee_name; /* with their title: "Mayor Grace Lin" */
  char                  *addressee_title;
  char                  *deadline;       /* YYYY-MM-DD, or "" */
  CoalitionLetterStatus  status;
  char                  *sent_on;        /* YYYY-MM-DD when sent, else "" */
  guint                  n_signatories;
} CoalitionLetter;

CoalitionLetter   *coalition_letter_new           (const char *title);
void               coalition_letter_free          (CoalitionLetter *self);

/* Sets @letter's id. */
gboolean           coalition_store_add_letter     (CoalitionStore   *self,
                                                   CoalitionLetter  *letter,
                                                   GError          **error);
/* Writes everything but the signatories; marking it sent dates it today
 * unless sent_on is set. */
gboolean           coalition_store_update_letter  (CoalitionStore        *self,
                                                   const CoalitionLetter *letter,
                                                   GError               **error);
gboolean           coalition_store_delete_letter  (CoalitionStore   *self,
                                                   gint64            letter_id,
                                                   GError          **error);
CoalitionLetter   *coalition_store_get_letter     (CoalitionStore   *self,
                                                   gint64            letter_id,
                                                   GError          **error);
/* The letters of a campaign (every letter for 0), open ones first, by
 * deadline; element type CoalitionLetter. */
GPtrArray         *coalition_store_list_letters   (CoalitionStore   *self,
                                                   gint64            campaign_id,
                                                   GError          **error);

typedef struct
{
  gint64  id;
  gint64  letter_id;
  gint64  organization_id;  /* 0 for a person signing for themselves */
  gint64  person_id;        /* 0 for an organization */
  char   *name;             /* the organization's or the person's */
  char   *signed_by;        /* who signed for the organization: "Rev. Ama Mensah, Pastor" */
  char   *signed_on;        /* YYYY-MM-DD */
} CoalitionSignatory;

void               coalition_signatory_free       (CoalitionSignatory *self);

/* An organization (@person_id 0) or a person (@organization_id 0) signs,
 * on @signed_on (NULL for today). Signing twice is refused with a clear
 * error. Returns the signatory's id, 0 on error. */
gint64             coalition_store_add_signatory  (CoalitionStore  *self,
                                                   gint64           letter_id,
                                                   gint64           organization_id,
                                                   gint64           person_id,
                                                   const char      *signed_by,
                                                   const char      *signed_on,
                                                   GError         **error);
gboolean           coalition_store_remove_signatory (CoalitionStore  *self,
                                                     gint64           signatory_id,
                                                     GError         **error);
/* Organizations first, then people, each by name; element type
 * CoalitionSignatory. */
GPtrArray         *coalition_store_list_signatories (CoalitionStore  *self,
                                                     gint64           letter_id,
                                                     GError         **error);
/* The member organizations that have not signed @letter_id yet, by name,
 * for the ask; element type CoalitionOrganization. */
GPtrArray         *coalition_store_list_unsigned_members (CoalitionStore  *self,
                                                          gint64           letter_id,
                                                          GError         **error);

/* ---- The monthly update -------------------------------------------------- */

/* What happened in a month, and what comes next, gathered once. */
typedef struct
{
  int        year;
  int        month;              /* 1–12 */
  char      *month_label;        /* "December 2026", in the locale */
  GPtrArray *upcoming_meetings;  /* CoalitionMeeting: from the first of the month, for the month and the next */
  GPtrArray *decisions;          /* CoalitionDecision taken in the month's meetings */
  GPtrArray *decision_meetings;  /* CoalitionMeeting, parallel to decisions: where each was taken */
  GPtrArray *wins;               /* CoalitionWin of the month */
  GPtrArray *new_members;        /* CoalitionOrganization that became members in the month */
  GPtrArray *open_letters;       /* CoalitionLetter being drafted or collecting */
  GPtrArray *actions_due;        /* CoalitionActionItem open and due in the month or before */
} CoalitionUpdate;

CoalitionUpdate   *coalition_update_gather        (CoalitionStore  *store,
                                                   int              year,
                                                   int              month,
                                                   GError         **error);
void               coalition_update_free          (CoalitionUpdate *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoalitionCampaign, coalition_campaign_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoalitionGoal, coalition_goal_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoalitionBenchmark, coalition_benchmark_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoalitionWin, coalition_win_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoalitionLetter, coalition_letter_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoalitionSignatory, coalition_signatory_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoalitionUpdate, coalition_update_free)

G_END_DECLS
