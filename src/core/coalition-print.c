/* coalition-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document is a list of blocks (lines of text, and table rows of cells),
 * measured with Pango at 72 units to the inch, so one unit is a point on
 * paper whatever the surface. Pagination places the blocks once; the same
 * pages are then drawn on the print preview, the printer or a PDF.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <pango/pangocairo.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "coalition-campaigns.h"
#include "coalition-export.h"
#include "coalition-meetings.h"
#include "coalition-print.h"
#include "coalition-print-private.h"
#include "coalition-update.h"

#define MARGIN 50.0
#define FOOTER 24.0
#define PADDING 4.0
#define MAX_CELLS 6
#define BLANK_ROW_HEIGHT 26.0
#define MIN_BLANK_ROWS 10
#define MIN_ROWS_CARRIED 3

typedef enum
{
  BLOCK_TEXT,
  BLOCK_ROW,
} BlockKind;

typedef struct
{
  BlockKind    kind;
  gboolean     header;          /* a table's header row, repeated on each page */
  gboolean     blank;           /* a sign-in row left for a walk-in */
  gboolean     keep_with_next;  /* headings stay with what follows */
  gboolean     ruled;           /* a row of a list: a hairline under it, no boxes */
  gboolean     rule_below;      /* a line across the page under the text */
  gboolean     muted;           /* grey: what a line says about the one above */
  guint        n_cells;
  PangoLayout *cells[MAX_CELLS];
  double       widths[MAX_CELLS];
  double       height;
  double       space_before;
} Block;

struct _CoalitionDocument
{
  CoalitionDocumentKind kind;
  const char           *family;       /* the typeface: "Sans", or "Serif" for letters */
  double                width;
  double                height;
  PangoContext         *context;
  GPtrArray            *blocks;
  GPtrArray            *pages;        /* of GArray of block indexes */
  Block                *table_header; /* the header row of the table being placed */
  double                used;         /* height used on the last page */
  char                 *footer;
  guint                 n_names;
  guint                 n_blank;
};

/* ---------------------------------------------------------------------- */
/* Blocks */

static void
block_free (Block *block)
{
  for (guint i = 0; i < block->n_cells; i++)
    g_clear_object (&block->cells[i]);
  g_free (block);
}

static double
usable_width (CoalitionDocument *self)
{
  return self->width - 2 * MARGIN;
}

static double
usable_height (CoalitionDocument *self)
{
  return self->height - 2 * MARGIN - FOOTER;
}

static PangoLayout *
new_layout (CoalitionDocument *self,
            const char        *text,
            double             size,
            gboolean           bold,
            double             width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (self->family);

  pango_font_description_set_size (font, (int)(size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text ? text : "", -1);
  {
    /* An address broken across lines must not gain a hyphen. */
    PangoAttrList *attributes = pango_attr_list_new ();

    pango_attr_list_insert (attributes, pango_attr_insert_hyphens_new (FALSE));
    pango_layout_set_attributes (layout, attributes);
    pango_attr_list_unref (attributes);
  }
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return (double)height / PANGO_SCALE;
}

/* ---------------------------------------------------------------------- */
/* Placing blocks on pages */

static GArray *
current_page (CoalitionDocument *self)
{
  return self->pages->pdata[self->pages->len - 1];
}

static void
new_page (CoalitionDocument *self)
{
  g_ptr_array_add (self->pages, g_array_new (FALSE, FALSE, sizeof (guint)));
  self->used = 0;

  /* A table goes on with its header. */
  if (self->table_header != NULL)
    {
      guint index;

      for (index = 0; index < self->blocks->len; index++)
        if (self->blocks->pdata[index] == self->table_header)
          break;
      g_array_append_val (current_page (self), index);
      self->used += self->table_header->height;
    }
}

static gboolean
fits (CoalitionDocument *self,
      Block             *block)
{
  GArray *page = current_page (self);
  double before = page->len > 0 ? block->space_before : 0;

  return self->used + before + block->height <= usable_height (self);
}

static void
place (CoalitionDocument *self,
       Block             *block)
{
  guint index = self->blocks->len;
  GArray *page;

  g_ptr_array_add (self->blocks, block);
  if (block->header)
    self->table_header = NULL;   /* a header row is placed as a row first */

  if (!fits (self, block) && current_page (self)->len > 0)
    new_page (self);
  page = current_page (self);
  if (page->len > 0)
    self->used += block->space_before;
  else
    block->space_before = 0;
  g_array_append_val (page, index);
  self->used += block->height;

  if (block->header)
    self->table_header = block;
}

static Block *
place_text (CoalitionDocument *self,
            const char        *text,
            double             size,
            gboolean           bold,
            double             space_before)
{
  Block *block = g_new0 (Block, 1);

  block->kind = BLOCK_TEXT;
  block->n_cells = 1;
  block->widths[0] = usable_width (self);
  block->cells[0] = new_layout (self, text, size, bold, block->widths[0]);
  block->height = layout_height (block->cells[0]);
  block->space_before = space_before;
  place (self, block);
  return block;
}

static void
place_heading (CoalitionDocument *self,
               const char        *text)
{
  /* Not alone at the foot of a page: it needs room for a line under it. */
  if (self->used + 14 + 40 > usable_height (self) && current_page (self)->len > 0)
    new_page (self);
  place_text (self, text, 13, TRUE, 14);
}

static void
end_table (CoalitionDocument *self)
{
  self->table_header = NULL;
}

/* A table row: the cells wrap inside their widths, the row as tall as its
 * tallest cell. */
static Block *
make_row (CoalitionDocument   *self,
          const char * const  *texts,
          const double        *fractions,
          guint                n_cells,
          double               size,
          gboolean             bold)
{
  Block *block = g_new0 (Block, 1);
  double height = 0;

  block->kind = BLOCK_ROW;
  block->n_cells = n_cells;
  for (guint i = 0; i < n_cells; i++)
    {
      block->widths[i] = usable_width (self) * fractions[i];
      block->cells[i] = new_layout (self, texts[i], size, bold, block->widths[i] - 2 * PADDING);
      height = MAX (height, layout_height (block->cells[i]));
    }
  block->height = height + 2 * PADDING;
  return block;
}

static void
place_header_block (CoalitionDocument *self,
                    Block             *block,
                    double             space_before)
{
  block->header = TRUE;
  block->space_before = space_before;
  /* With at least one row under it. */
  if (self->used + block->space_before + block->height + 30 > usable_height (self) && current_page (self)->len > 0)
    new_page (self);
  place (self, block);
}

static void
place_table_header (CoalitionDocument   *self,
                    const char * const  *texts,
                    const double        *fractions,
                    guint                n_cells)
{
  place_header_block (self, make_row (self, texts, fractions, n_cells, 9.5, TRUE), 6);
}

/* A list is a table without boxes: its rows parted by hairlines. */
static void
place_list_header (CoalitionDocument   *self,
                   const char * const  *texts,
                   const double        *fractions,
                   guint                n_cells,
                   double               size,
                   double               space_before)
{
  Block *block = make_row (self, texts, fractions, n_cells, size, TRUE);

  block->ruled = TRUE;
  place_header_block (self, block, space_before);
}

static void
add_list_row (CoalitionDocument   *self,
              GPtrArray           *rows,
              const char * const  *texts,
              const double        *fractions,
              guint                n_cells,
              double               size)
{
  Block *block = make_row (self, texts, fractions, n_cells, size, FALSE);

  block->ruled = TRUE;
  g_ptr_array_add (rows, block);
}

/* The rows of a list, placed so that the last page of the list never
 * carries one or two rows alone: a few more go over with them. Takes the
 * rows. */
static void
place_list_rows (CoalitionDocument *self,
                 GPtrArray         *rows)
{
  guint i = 0;

  while (i < rows->len)
    {
      double room = usable_height (self) - self->used;
      double total = 0;
      guint fit = 0, left;

      while (i + fit < rows->len && total + ((Block *)rows->pdata[i + fit])->height <= room)
        {
          total += ((Block *)rows->pdata[i + fit])->height;
          fit++;
        }
      left = rows->len - i - fit;
      if (left > 0 && left < MIN_ROWS_CARRIED && fit >= 2 + (MIN_ROWS_CARRIED - left))
        fit -= MIN_ROWS_CARRIED - left;

      if (fit == 0)
        place (self, rows->pdata[i++]);   /* goes over by itself */
      for (guint k = 0; k < fit; k++)
        place (self, rows->pdata[i++]);
      if (fit > 0 && i < rows->len)
        new_page (self);
    }
  g_ptr_array_set_size (rows, 0);
}

static void
place_row (CoalitionDocument   *self,
           const char * const  *texts,
           const double        *fractions,
           guint                n_cells)
{
  place (self, make_row (self, texts, fractions, n_cells, 10, FALSE));
}

/* A paragraph runs on across pages, cut between its lines; no page keeps
 * a single line of it alone at its foot or its head. */
static void
place_paragraph (CoalitionDocument *self,
                 const char        *text,
                 double             size,
                 double             space_before)
{
  g_autoptr(PangoLayout) whole = new_layout (self, text, size, FALSE, usable_width (self));
  int n_lines = pango_layout_get_line_count (whole);
  g_autofree int *starts = g_new0 (int, n_lines + 1);
  g_autofree double *tops = g_new0 (double, n_lines + 1);
  PangoLayoutIter *iter = pango_layout_get_iter (whole);
  int first = 0;

  for (int i = 0; i < n_lines; i++, pango_layout_iter_next_line (iter))
    {
      int top, bottom;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      starts[i] = pango_layout_iter_get_index (iter);
      tops[i] = (double)top / PANGO_SCALE;
      tops[i + 1] = (double)bottom / PANGO_SCALE;
    }
  pango_layout_iter_free (iter);
  starts[n_lines] = strlen (text);

  while (first < n_lines)
    {
      double before = current_page (self)->len > 0 ? space_before : 0;
      double room = usable_height (self) - self->used - before;
      int fit = 0;

      while (first + fit < n_lines && tops[first + fit + 1] - tops[first] <= room)
        fit++;
      if (first + fit < n_lines)
        {
          /* Two lines at least on either side of the cut. */
          fit = MIN (fit, n_lines - first - 2);
          if (fit < 2 && current_page (self)->len > 0)
            {
              new_page (self);
              continue;
            }
          fit = MAX (fit, 1);
        }

      {
        g_autofree char *part = g_strndup (text + starts[first], starts[first + fit] - starts[first]);

        place_text (self, g_strchomp (part), size, FALSE, first == 0 ? space_before : 0);
      }
      first += fit;   /* what is left finds no room here, and goes over */
    }
}

/* ---------------------------------------------------------------------- */
/* The documents */

char *
coalition_print_meeting_when (CoalitionMeeting *meeting)
{
  /* Translators: a meeting's date and time on paper, "Tuesday 8 December 2026, 18:30–20:30"; see g_date_time_format() */
  g_autofree char *day = g_date_time_format (coalition_meeting_get_start (meeting), _("%A %-d %B %Y"));
  g_autofree char *start = coalition_format_clock (coalition_meeting_get_start (meeting));
  g_autofree char *end = coalition_format_clock (coalition_meeting_get_end (meeting));
  g_autofree char *abbreviation = g_date_time_format (coalition_meeting_get_start (meeting), "%Z");

  /* Translators: "Tuesday 8 December 2026, 18:30–20:30 PST (America/Los_Angeles)" */
  return g_strdup_printf (_("%s, %s–%s %s (%s)"), day, start, end, abbreviation, coalition_meeting_get_zone (meeting));
}

static void
place_meeting_heading (CoalitionDocument *self,
                       CoalitionStore    *store,
                       CoalitionMeeting  *meeting,
                       const char        *document_title)
{
  g_autofree char *coalition = coalition_store_get_setting (store, "coalition-name");
  g_autofree char *when = coalition_print_meeting_when (meeting);
  g_autofree char *title = g_strdup_printf ("%s — %s", document_title, coalition_meeting_get_title (meeting));
  g_autoptr(GString) place = g_string_new (coalition_meeting_get_location (meeting));
  g_autoptr(GString) roles = g_string_new (NULL);
  const struct { const char *label; const char *name; } role_names[] = {
    { N_("Facilitator"), coalition_meeting_get_facilitator_name (meeting) },
    { N_("Note taker"), coalition_meeting_get_note_taker_name (meeting) },
    { N_("Timekeeper"), coalition_meeting_get_timekeeper_name (meeting) },
  };

  if (coalition != NULL && *coalition != '\0')
    place_text (self, coalition, 10, FALSE, 0);
  place_text (self, title, 18, TRUE, 4);
  place_text (self, when, 11, FALSE, 6);
  if (*coalition_meeting_get_url (meeting) != '\0')
    g_string_append_printf (place, "%s%s", place->len ? " · " : "", coalition_meeting_get_url (meeting));
  if (place->len > 0)
    place_text (self, place->str, 11, FALSE, 2);
  for (guint r = 0; r < G_N_ELEMENTS (role_names); r++)
    if (role_names[r].name != NULL && *role_names[r].name != '\0')
      g_string_append_printf (roles, "%s%s: %s", roles->len ? " · " : "", _(role_names[r].label), role_names[r].name);
  if (roles->len > 0)
    place_text (self, roles->str, 10, FALSE, 2);

  self->footer = g_strdup (title);
}

static GDateTime *
parse_day (const char *iso)
{
  int year, month, day;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return NULL;
  return g_date_time_new_utc (year, month, day, 12, 0, 0);
}

char *
coalition_print_format_date (const char *iso)
{
  g_autoptr(GDateTime) date = parse_day (iso);

  if (date == NULL)
    return g_strdup (iso ? iso : "");
  /* Translators: a due date in a printed table, "20 Dec 2026"; see g_date_time_format() */
  return g_date_time_format (date, _("%-d %b %Y"));
}

char *
coalition_print_format_long_date (const char *iso)
{
  g_autoptr(GDateTime) date = NULL;

  if (iso == NULL || *iso == '\0')
    date = g_date_time_new_now_local ();
  else
    date = parse_day (iso);
  if (date == NULL)
    return g_strdup (iso);
  /* Translators: the date of a letter, written out: "8 December 2026" (or "December 8, 2026"); see g_date_time_format() */
  return g_date_time_format (date, _("%-d %B %Y"));
}

/* Names kept one per line, as one line: "Ana, Bo". */
static char *
join_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        g_string_append_printf (out, "%s%s", out->len ? ", " : "", lines[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
coalition_print_decision_how (const CoalitionDecision *decision)
{
  if (decision->method == COALITION_DECISION_METHOD_VOTE)
    return g_strdup_printf (decision->by_organization
                            ? _("vote, one per organization: %u for, %u against, %u abstaining")
                            : _("vote: %u for, %u against, %u abstaining"),
                            decision->votes_for, decision->votes_against, decision->votes_abstain);
  if (*decision->blocks != '\0' || *decision->stand_asides != '\0')
    {
      g_autofree char *blocks = join_lines (decision->blocks);
      g_autofree char *stand_asides = join_lines (decision->stand_asides);

      return g_strdup_printf (_("consensus; blocked by: %s; standing aside: %s"),
                              *blocks ? blocks : _("nobody"), *stand_asides ? stand_asides : _("nobody"));
    }
  return g_strdup (_("consensus"));
}

static void
place_actions (CoalitionDocument *self,
               GPtrArray         *actions,
               gboolean           with_status)
{
  const char *header[] = { _("Action"), _("Who"), _("Due"), _("Status") };
  const double widths[] = { 0.47, 0.22, 0.17, 0.14 };
  const double widths_no_status[] = { 0.57, 0.26, 0.17 };

  place_table_header (self, header, with_status ? widths : widths_no_status, with_status ? 4 : 3);
  for (guint i = 0; i < actions->len; i++)
    {
      CoalitionActionItem *action = actions->pdata[i];
      g_autofree char *due = coalition_print_format_date (coalition_action_item_get_due (action));
      const char *cells[] = {
        coalition_action_item_get_title (action), coalition_action_item_get_owner_name (action),
        due, coalition_action_status_get_label (coalition_action_item_get_status (action)),
      };

      place_row (self, cells, with_status ? widths : widths_no_status, with_status ? 4 : 3);
    }
  end_table (self);
}

static void
place_next_meeting (CoalitionDocument *self,
                    CoalitionStore    *store,
                    gint64             meeting_id)
{
  gint64 next_id = coalition_store_find_next_meeting (store, meeting_id, NULL);
  g_autoptr(CoalitionMeeting) next = next_id > 0 ? coalition_store_get_meeting (store, next_id, NULL) : NULL;

  if (next != NULL)
    {
      g_autofree char *when = coalition_print_meeting_when (next);
      g_autofree char *line = *coalition_meeting_get_location (next) != '\0'
                              ? g_strdup_printf ("%s · %s", when, coalition_meeting_get_location (next))
                              : g_strdup (when);

      place_heading (self, _("Next meeting"));
      place_text (self, line, 10.5, FALSE, 4);
    }
}

static gboolean
build_agenda (CoalitionDocument  *self,
              CoalitionStore     *store,
              CoalitionMeeting   *meeting,
              GError            **error)
{
  gint64 id = coalition_meeting_get_id (meeting);
  g_autoptr(GPtrArray) agenda = coalition_store_list_agenda (store, id, error);
  g_autoptr(GPtrArray) review = NULL;
  g_autoptr(GPtrArray) times = NULL;
  const char *header[] = { _("Time"), C_("duration", "Minutes"), _("Item") };
  const double widths[] = { 0.12, 0.12, 0.76 };

  if (agenda == NULL || (review = coalition_store_list_actions_to_review (store, id, error)) == NULL)
    return FALSE;

  place_meeting_heading (self, store, meeting, _("Agenda"));
  place_heading (self, _("Agenda"));
  times = coalition_agenda_start_times (coalition_meeting_get_start (meeting), agenda);
  if (agenda->len == 0)
    place_text (self, _("No items yet."), 10.5, FALSE, 4);
  else
    {
      place_table_header (self, header, widths, 3);
      for (guint i = 0; i < agenda->len; i++)
        {
          CoalitionAgendaItem *item = agenda->pdata[i];
          g_autofree char *clock = coalition_format_clock (times->pdata[i]);
          g_autofree char *minutes = g_strdup_printf ("%d", coalition_agenda_item_get_minutes (item));
          g_autoptr(GString) what = g_string_new (coalition_agenda_item_get_title (item));
          const char *cells[3];

          g_string_append_printf (what, " (%s)", coalition_item_kind_get_label (coalition_agenda_item_get_kind (item)));
          if (*coalition_agenda_item_get_presenter (item) != '\0')
            g_string_append_printf (what, "\n%s", coalition_agenda_item_get_presenter (item));
          cells[0] = clock;
          cells[1] = minutes;
          cells[2] = what->str;
          place_row (self, cells, widths, 3);
        }
      end_table (self);
      {
        g_autofree char *end = coalition_format_clock (times->pdata[times->len - 1]);
        /* Translators: under the printed agenda, "Ends at 20:30" */
        g_autofree char *line = g_strdup_printf (_("Ends at %s"), end);

        place_text (self, line, 10, FALSE, 4);
      }
    }

  if (review->len > 0)
    {
      place_heading (self, _("Action items to review"));
      place_actions (self, review, FALSE);
    }
  place_next_meeting (self, store, id);
  return TRUE;
}

typedef struct
{
  char              *key;
  CoalitionAttendee *attendee;
} Sortable;

static int
compare_sortable (gconstpointer a,
                  gconstpointer b)
{
  return strcmp (((const Sortable *)a)->key, ((const Sortable *)b)->key);
}

static gboolean
build_sign_in (CoalitionDocument  *self,
               CoalitionStore     *store,
               CoalitionMeeting   *meeting,
               GError            **error)
{
  g_autoptr(GPtrArray) attendance = coalition_store_list_attendance (store, coalition_meeting_get_id (meeting), error);
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (Sortable));
  const char *header[] = { _("Name"), _("Organization"), _("E-mail"), _("Phone"), _("Signature") };
  const double widths[] = { 0.2, 0.19, 0.25, 0.2, 0.16 };
  const char *blank[] = { "", "", "", "", "" };

  if (attendance == NULL)
    return FALSE;

  place_meeting_heading (self, store, meeting, _("Sign-in Sheet"));

  /* By family name, as the locale orders names. */
  for (guint i = 0; i < attendance->len; i++)
    {
      CoalitionAttendee *a = attendance->pdata[i];
      g_autofree char *joined = g_strconcat (*a->family_name ? a->family_name : a->name, "\x01", a->name, NULL);
      Sortable s = { g_utf8_collate_key (joined, -1), a };

      g_array_append_val (sorted, s);
    }
  g_array_sort (sorted, compare_sortable);

  place_table_header (self, header, widths, G_N_ELEMENTS (header));
  for (guint i = 0; i < sorted->len; i++)
    {
      CoalitionAttendee *a = g_array_index (sorted, Sortable, i).attendee;
      g_autoptr(GString) phone = g_string_new (a->phone);
      const char *cells[5];

      /* A number is read whole: its spaces do not break. */
      g_string_replace (phone, " ", "\u00a0", 0);
      cells[0] = a->name;
      cells[1] = a->organization_name ? a->organization_name : "";
      cells[2] = a->email ? a->email : "";
      cells[3] = phone->str;
      cells[4] = "";
      Block *row = make_row (self, cells, widths, G_N_ELEMENTS (cells), 8.5, FALSE);

      row->height = MAX (row->height, BLANK_ROW_HEIGHT);
      place (self, row);
      g_free (g_array_index (sorted, Sortable, i).key);
    }
  self->n_names = sorted->len;

  /* Room for walk-ins: at least ten rows, then to the foot of the page. */
  for (;;)
    {
      Block *row = make_row (self, blank, widths, G_N_ELEMENTS (blank), 10, FALSE);

      row->height = BLANK_ROW_HEIGHT;
      row->blank = TRUE;
      if (self->n_blank >= MIN_BLANK_ROWS && !fits (self, row))
        {
          block_free (row);
          break;
        }
      place (self, row);
      self->n_blank++;
    }
  end_table (self);
  return TRUE;
}

static gboolean
build_minutes (CoalitionDocument  *self,
               CoalitionStore     *store,
               CoalitionMeeting   *meeting,
               GError            **error)
{
  gint64 id = coalition_meeting_get_id (meeting);
  g_autoptr(GPtrArray) attendance = coalition_store_list_attendance (store, id, error);
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  const CoalitionAttendance order[] = { COALITION_ATTENDANCE_PRESENT, COALITION_ATTENDANCE_EXCUSED,
                                        COALITION_ATTENDANCE_ABSENT };
  const char *headings[] = { N_("Present"), N_("Excused"), N_("Absent") };

  if (attendance == NULL || (agenda = coalition_store_list_agenda (store, id, error)) == NULL ||
      (decisions = coalition_store_list_decisions (store, id, error)) == NULL ||
      (actions = coalition_store_list_actions_of (store, id, error)) == NULL)
    return FALSE;

  place_meeting_heading (self, store, meeting, _("Minutes"));

  /* Who was there, by organization. */
  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    {
      g_autoptr(GHashTable) by_organization = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                                    (GDestroyNotify)g_ptr_array_unref);
      g_autoptr(GPtrArray) organizations = g_ptr_array_new ();

      for (guint i = 0; i < attendance->len; i++)
        {
          const CoalitionAttendee *a = attendance->pdata[i];
          const char *organization = a->organization_name ? a->organization_name : _("No organization");
          GPtrArray *names;

          if (a->status != order[k])
            continue;
          names = g_hash_table_lookup (by_organization, organization);
          if (names == NULL)
            {
              names = g_ptr_array_new ();
              g_hash_table_insert (by_organization, g_strdup (organization), names);
              g_ptr_array_add (organizations, (gpointer)organization);
            }
          g_ptr_array_add (names, a->name);
        }
      if (organizations->len == 0)
        continue;

      place_heading (self, _(headings[k]));
      for (guint o = 0; o < organizations->len; o++)
        {
          GPtrArray *names = g_hash_table_lookup (by_organization, organizations->pdata[o]);
          g_autoptr(GString) line = g_string_new (organizations->pdata[o]);

          g_string_append (line, ": ");
          for (guint n = 0; n < names->len; n++)
            g_string_append_printf (line, "%s%s", n > 0 ? ", " : "", (char *)names->pdata[n]);
          place_text (self, line->str, 10, FALSE, 2);
        }
    }

  /* Each item with its notes and its decisions. */
  if (agenda->len > 0 || decisions->len > 0)
    {
      g_autoptr(GPtrArray) times = coalition_agenda_start_times (coalition_meeting_get_start (meeting), agenda);

      for (guint i = 0; i <= agenda->len; i++)
        {
          gint64 item_id = i < agenda->len ? coalition_agenda_item_get_id (agenda->pdata[i]) : 0;
          gboolean any = FALSE;

          for (guint d = 0; d < decisions->len; d++)
            if (((CoalitionDecision *)decisions->pdata[d])->item_id == item_id)
              any = TRUE;

          if (i < agenda->len)
            {
              CoalitionAgendaItem *item = agenda->pdata[i];
              g_autofree char *clock = coalition_format_clock (times->pdata[i]);
              g_autofree char *heading = g_strdup_printf ("%s  %s", clock, coalition_agenda_item_get_title (item));

              place_heading (self, heading);
              if (*coalition_agenda_item_get_notes (item) != '\0')
                place_text (self, coalition_agenda_item_get_notes (item), 10.5, FALSE, 4);
            }
          else if (any)
            place_heading (self, _("Other decisions"));

          for (guint d = 0; d < decisions->len; d++)
            {
              const CoalitionDecision *decision = decisions->pdata[d];
              g_autofree char *line = NULL;
              g_autofree char *how = NULL;

              if (decision->item_id != item_id)
                continue;
              how = coalition_print_decision_how (decision);
              /* Translators: a decision in the printed minutes, "Decided: … (consensus)" */
              line = g_strdup_printf (_("Decided: %s (%s)"), decision->text, how);
              place_text (self, line, 10.5, TRUE, 4);
            }
        }
    }

  if (actions->len > 0)
    {
      place_heading (self, _("Action items"));
      place_actions (self, actions, TRUE);
    }
  if (*coalition_meeting_get_minutes (meeting) != '\0')
    {
      place_heading (self, _("Notes"));
      place_text (self, coalition_meeting_get_minutes (meeting), 10, FALSE, 4);
    }
  place_next_meeting (self, store, id);
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Sign-on letters */

/* The paragraphs of a letter: parted by blank lines, each one reflowed. */
static GPtrArray *
split_paragraphs (const char *body)
{
  g_autoptr(GRegex) blank = g_regex_new ("\\n[ \\t\\r]*\\n", 0, 0, NULL);
  g_autoptr(GRegex) breaks = g_regex_new ("[ \\t]*\\r?\\n[ \\t]*", 0, 0, NULL);
  g_auto(GStrv) parts = g_regex_split (blank, body ? body : "", 0);
  GPtrArray *paragraphs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *joined = g_regex_replace_literal (breaks, parts[i], -1, 0, " ", 0, NULL);

      g_strstrip (joined);
      if (*joined != '\0')
        g_ptr_array_add (paragraphs, g_steal_pointer (&joined));
    }
  return paragraphs;
}

static gboolean
build_letter (CoalitionDocument  *self,
              CoalitionStore     *store,
              CoalitionLetter    *letter,
              GError            **error)
{
  g_autoptr(GPtrArray) signatories = coalition_store_list_signatories (store, letter->id, error);
  g_autofree char *coalition = coalition_store_get_setting (store, "coalition-name");
  g_autofree char *date = coalition_print_format_long_date (letter->sent_on);
  g_autoptr(GPtrArray) paragraphs = split_paragraphs (letter->body);
  const char *organization_header[] = { _("Organization"), _("Signed by") };
  const double organization_widths[] = { 0.52, 0.48 };
  const char *person_header[] = { _("Individuals"), "" };
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  g_autoptr(GPtrArray) organization_rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) person_rows = g_ptr_array_new ();
  gboolean any_organization;

  if (signatories == NULL)
    return FALSE;

  /* The letterhead, the date and whom it is for. */
  if (coalition != NULL && *coalition != '\0')
    place_text (self, coalition, 15, TRUE, 0)->rule_below = TRUE;
  place_text (self, date, 11, FALSE, 24);
  if (letter->addressee_name != NULL && *letter->addressee_name != '\0')
    place_text (self, letter->addressee_name, 11, FALSE, 18);
  if (letter->addressee_title != NULL && *letter->addressee_title != '\0')
    place_text (self, letter->addressee_title, 11, FALSE, 1);
  place_text (self, letter->title, 12.5, TRUE, 20);

  for (guint i = 0; i < paragraphs->len; i++)
    place_paragraph (self, paragraphs->pdata[i], 11, i == 0 ? 14 : 8);

  /* "Signed," stays with the first names under it. */
  if (self->used + 20 + 80 > usable_height (self) && current_page (self)->len > 0)
    new_page (self);
  place_text (self, _("Signed,"), 11, FALSE, 20);

  if (signatories->len == 0)
    place_text (self, _("Nobody has signed yet."), 11, FALSE, 8);

  /* Organizations with who signed for each, then people, in that order. */
  for (guint i = 0; i < signatories->len; i++)
    {
      CoalitionSignatory *signatory = signatories->pdata[i];

      if (signatory->organization_id > 0)
        {
          const char *cells[] = { signatory->name, signatory->signed_by ? signatory->signed_by : "" };

          add_list_row (self, organization_rows, cells, organization_widths, 2, 10.5);
        }
      else
        g_ptr_array_add (people, signatory->name);
    }
  /* People's names are short: two to a row, in the columns of the
   * organizations' table. */
  for (guint i = 0; i < people->len; i += 2)
    {
      const char *cells[] = { people->pdata[i], i + 1 < people->len ? people->pdata[i + 1] : "" };

      add_list_row (self, person_rows, cells, organization_widths, 2, 10.5);
    }
  any_organization = organization_rows->len > 0;
  if (any_organization)
    {
      place_list_header (self, organization_header, organization_widths, 2, 10, 10);
      place_list_rows (self, organization_rows);
      end_table (self);
    }
  if (person_rows->len > 0)
    {
      place_list_header (self, person_header, organization_widths, 2, 10, any_organization ? 18 : 10);
      place_list_rows (self, person_rows);
      end_table (self);
    }

  /* The letterhead says whose it is; the foot of each page, which letter. */
  self->footer = g_strdup (letter->title);
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* The monthly update */

static void
place_empty (CoalitionDocument      *self,
             CoalitionUpdateSection  section)
{
  place_text (self, coalition_update_section_get_empty_text (section), 10.5, FALSE, 4)->muted = TRUE;
}

static void
build_update (CoalitionDocument *self,
              CoalitionStore    *store,
              CoalitionUpdate   *update)
{
  g_autofree char *coalition = coalition_store_get_setting (store, "coalition-name");
  g_autofree char *title = coalition_update_get_title (update);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  if (coalition != NULL && *coalition != '\0')
    place_text (self, coalition, 10, FALSE, 0);
  place_text (self, title, 18, TRUE, 4);

  /* Meetings to come, with their time, zone and place. */
  place_heading (self, coalition_update_section_get_title (COALITION_UPDATE_MEETINGS));
  if (update->upcoming_meetings->len == 0)
    place_empty (self, COALITION_UPDATE_MEETINGS);
  /* Each as the e-mail has it: what, when in its zone, where. The time
   * and the zone's name are too long for a table's cell. */
  for (guint i = 0; i < update->upcoming_meetings->len; i++)
    {
      CoalitionMeeting *meeting = update->upcoming_meetings->pdata[i];
      g_autofree char *when = coalition_print_meeting_when (meeting);
      g_autoptr(GString) what = g_string_new (coalition_meeting_get_title (meeting));
      g_autoptr(GString) where = g_string_new (coalition_meeting_get_location (meeting));

      if (coalition_meeting_get_status (meeting) == COALITION_MEETING_STATUS_CANCELLED)
        g_string_append_printf (what, " (%s)", coalition_meeting_status_get_label (COALITION_MEETING_STATUS_CANCELLED));
      if (*coalition_meeting_get_url (meeting) != '\0')
        g_string_append_printf (where, "%s%s", where->len ? " · " : "", coalition_meeting_get_url (meeting));
      /* Kept together: a meeting's lines are not parted by a page. */
      if (self->used + 8 + 46 > usable_height (self) && current_page (self)->len > 0)
        new_page (self);
      place_text (self, what->str, 10.5, TRUE, 8);
      place_text (self, when, 10, FALSE, 1);
      if (where->len > 0)
        place_text (self, where->str, 10, FALSE, 1);
    }

  /* Decisions, each with where and how it was taken. */
  place_heading (self, coalition_update_section_get_title (COALITION_UPDATE_DECISIONS));
  if (update->decisions->len == 0)
    place_empty (self, COALITION_UPDATE_DECISIONS);
  for (guint i = 0; i < update->decisions->len; i++)
    {
      const CoalitionDecision *decision = update->decisions->pdata[i];
      CoalitionMeeting *meeting = update->decision_meetings->pdata[i];
      g_autofree char *how = coalition_print_decision_how (decision);
      g_autofree char *day = g_date_time_format (coalition_meeting_get_start (meeting), "%Y-%m-%d");
      g_autofree char *date = coalition_print_format_date (day);
      /* Translators: under a decision in the monthly update, "General Meeting, 8 Dec 2026 · by consensus" */
      g_autofree char *detail = g_strdup_printf (_("%s, %s · %s"), coalition_meeting_get_title (meeting), date, how);

      place_text (self, decision->text, 10.5, TRUE, 8);
      place_text (self, detail, 9.5, FALSE, 1)->muted = TRUE;
    }

  /* Wins, with the credit shared. */
  place_heading (self, coalition_update_section_get_title (COALITION_UPDATE_WINS));
  if (update->wins->len == 0)
    place_empty (self, COALITION_UPDATE_WINS);
  for (guint i = 0; i < update->wins->len; i++)
    {
      CoalitionWin *win = update->wins->pdata[i];
      g_autofree char *date = coalition_print_format_date (win->date);
      g_autofree char *headline = g_strdup_printf ("%s — %s", date, win->title);
      g_autoptr(GString) context = g_string_new (win->campaign_name);

      place_text (self, headline, 10.5, TRUE, 8);
      if (win->goal_title != NULL && *win->goal_title != '\0')
        /* Translators: a win's campaign and the goal it advances, "Rent Stabilization · goal: …" */
        g_string_append_printf (context, _(" · goal: %s"), win->goal_title);
      if (context->len > 0)
        place_text (self, context->str, 9.5, FALSE, 1)->muted = TRUE;
      if (win->description != NULL && *win->description != '\0')
        place_paragraph (self, win->description, 10, 3);
      if (win->contributors != NULL && win->contributors->len > 0)
        {
          g_autoptr(GString) names = g_string_new (NULL);
          g_autofree char *line = NULL;

          for (guint c = 0; c < win->contributors->len; c++)
            g_string_append_printf (names, "%s%s", c > 0 ? ", " : "", (char *)win->contributors->pdata[c]);
          /* Translators: who contributed to a win, "Thanks to: Eastside Tenants Union, Ana Díaz" */
          line = g_strdup_printf (_("Thanks to: %s"), names->str);
          place_text (self, line, 10, FALSE, 3);
        }
    }

  /* Who joined. */
  place_heading (self, coalition_update_section_get_title (COALITION_UPDATE_NEW_MEMBERS));
  if (update->new_members->len == 0)
    place_empty (self, COALITION_UPDATE_NEW_MEMBERS);
  else
    {
      const char *header[] = { _("Organization"), _("Kind") };
      const double widths[] = { 0.65, 0.35 };

      g_autoptr(GPtrArray) rows = g_ptr_array_new ();

      for (guint i = 0; i < update->new_members->len; i++)
        {
          CoalitionOrganization *organization = update->new_members->pdata[i];
          const char *cells[] = {
            coalition_organization_get_name (organization),
            coalition_organization_kind_get_label (coalition_organization_get_kind (organization)),
          };

          add_list_row (self, rows, cells, widths, 2, 10);
        }
      place_list_header (self, header, widths, 2, 9.5, 6);
      place_list_rows (self, rows);
      end_table (self);
    }

  /* Letters to sign. */
  place_heading (self, coalition_update_section_get_title (COALITION_UPDATE_LETTERS));
  if (update->open_letters->len == 0)
    place_empty (self, COALITION_UPDATE_LETTERS);
  else
    {
      const char *header[] = { _("Letter"), _("Status"), _("Deadline"), _("Signed") };
      const double widths[] = { 0.46, 0.24, 0.18, 0.12 };

      g_autoptr(GPtrArray) rows = g_ptr_array_new ();

      for (guint i = 0; i < update->open_letters->len; i++)
        {
          CoalitionLetter *letter = update->open_letters->pdata[i];
          g_autofree char *deadline = *letter->deadline ? coalition_print_format_date (letter->deadline) : g_strdup ("—");
          g_autofree char *signed_count = g_strdup_printf ("%u", letter->n_signatories);
          const char *cells[] = { letter->title, coalition_letter_status_get_label (letter->status), deadline, signed_count };

          add_list_row (self, rows, cells, widths, 4, 10);
        }
      place_list_header (self, header, widths, 4, 9.5, 6);
      place_list_rows (self, rows);
      end_table (self);
    }

  /* Action items due, with who owns them. */
  place_heading (self, coalition_update_section_get_title (COALITION_UPDATE_ACTIONS));
  if (update->actions_due->len == 0)
    place_empty (self, COALITION_UPDATE_ACTIONS);
  else
    {
      const char *header[] = { _("Action"), _("Who"), _("Due") };
      const double widths[] = { 0.56, 0.26, 0.18 };

      g_autoptr(GPtrArray) rows = g_ptr_array_new ();

      for (guint i = 0; i < update->actions_due->len; i++)
        {
          CoalitionActionItem *action = update->actions_due->pdata[i];
          const char *day = coalition_action_item_get_due (action);
          g_autofree char *date = coalition_print_format_date (day);
          g_autofree char *due = strcmp (day, today) < 0 ? g_strdup_printf ("%s\n%s", date, _("Overdue")) : g_strdup (date);
          const char *cells[] = { coalition_action_item_get_title (action), coalition_action_item_get_owner_name (action), due };

          add_list_row (self, rows, cells, widths, 3, 10);
        }
      place_list_header (self, header, widths, 3, 9.5, 6);
      place_list_rows (self, rows);
      end_table (self);
    }

  self->footer = coalition != NULL && *coalition != '\0' ? g_strdup_printf ("%s — %s", title, coalition)
                                                         : g_strdup (title);
}

/* ---------------------------------------------------------------------- */

void
coalition_document_locale_paper (double *width,
                                 double *height)
{
  /* glibc says the locale's paper in millimetres. */
  int mm_width = (int)(intptr_t)nl_langinfo (_NL_PAPER_WIDTH);
  int mm_height = (int)(intptr_t)nl_langinfo (_NL_PAPER_HEIGHT);

  if (mm_width == 216 && mm_height == 279)
    {
      *width = 612;
      *height = 792;
    }
  else
    {
      *width = 595;
      *height = 842;
    }
}

static CoalitionDocument *
document_alloc (CoalitionDocumentKind  kind,
                const char            *family,
                double                 width,
                double                 height)
{
  CoalitionDocument *self = g_new0 (CoalitionDocument, 1);
  PangoFontMap *font_map;

  self->kind = kind;
  self->family = family;
  self->width = width;
  self->height = height;
  font_map = pango_cairo_font_map_get_default ();
  self->context = pango_font_map_create_context (font_map);
  pango_cairo_context_set_resolution (self->context, 72);
  {
    cairo_font_options_t *options = cairo_font_options_create ();

    /* Metrics that do not depend on the screen: the same lines on paper. */
    cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options (self->context, options);
    cairo_font_options_destroy (options);
  }
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)block_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  g_ptr_array_add (self->pages, g_array_new (FALSE, FALSE, sizeof (guint)));

  return self;
}

CoalitionDocument *
coalition_document_new (CoalitionStore         *store,
                        CoalitionDocumentKind   kind,
                        gint64                  meeting_id,
                        double                  width,
                        double                  height,
                        GError                **error)
{
  g_autoptr(CoalitionMeeting) meeting = NULL;
  CoalitionDocument *self;
  gboolean ok;

  g_return_val_if_fail (COALITION_IS_STORE (store), NULL);
  g_return_val_if_fail (width > 2 * MARGIN + 100 && height > 2 * MARGIN + 100, NULL);
  g_return_val_if_fail (kind <= COALITION_DOCUMENT_MINUTES, NULL);

  meeting = coalition_store_get_meeting (store, meeting_id, error);
  if (meeting == NULL)
    return NULL;

  self = document_alloc (kind, "Sans", width, height);
  switch (kind)
    {
    case COALITION_DOCUMENT_AGENDA:
      ok = build_agenda (self, store, meeting, error);
      break;
    case COALITION_DOCUMENT_SIGN_IN:
      ok = build_sign_in (self, store, meeting, error);
      break;
    case COALITION_DOCUMENT_MINUTES:
    default:
      ok = build_minutes (self, store, meeting, error);
      break;
    }

  if (!ok)
    {
      coalition_document_free (self);
      return NULL;
    }

  return self;
}

CoalitionDocument *
coalition_document_new_letter (CoalitionStore  *store,
                               gint64           letter_id,
                               double           width,
                               double           height,
                               GError         **error)
{
  g_autoptr(CoalitionLetter) letter = NULL;
  CoalitionDocument *self;

  g_return_val_if_fail (COALITION_IS_STORE (store), NULL);
  g_return_val_if_fail (width > 2 * MARGIN + 100 && height > 2 * MARGIN + 100, NULL);

  letter = coalition_store_get_letter (store, letter_id, error);
  if (letter == NULL)
    return NULL;

  self = document_alloc (COALITION_DOCUMENT_LETTER, "Serif", width, height);
  if (!build_letter (self, store, letter, error))
    {
      coalition_document_free (self);
      return NULL;
    }

  return self;
}

CoalitionDocument *
coalition_document_new_update (CoalitionStore  *store,
                               int              year,
                               int              month,
                               double           width,
                               double           height,
                               GError         **error)
{
  g_autoptr(CoalitionUpdate) update = NULL;
  CoalitionDocument *self;

  g_return_val_if_fail (COALITION_IS_STORE (store), NULL);
  g_return_val_if_fail (width > 2 * MARGIN + 100 && height > 2 * MARGIN + 100, NULL);

  update = coalition_update_gather (store, year, month, error);
  if (update == NULL)
    return NULL;

  self = document_alloc (COALITION_DOCUMENT_UPDATE, "Sans", width, height);
  build_update (self, store, update);

  return self;
}

void
coalition_document_free (CoalitionDocument *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_free (self->footer);
  g_free (self);
}

guint
coalition_document_get_n_pages (CoalitionDocument *self)
{
  return self->pages->len;
}

guint
coalition_document_get_n_names (CoalitionDocument *self)
{
  return self->n_names;
}

guint
coalition_document_get_n_blank_rows (CoalitionDocument *self)
{
  return self->n_blank;
}

void
coalition_document_draw_page (CoalitionDocument *self,
                              cairo_t           *cr,
                              guint              page_number)
{
  GArray *page;
  double y = MARGIN;

  g_return_if_fail (page_number < self->pages->len);
  page = self->pages->pdata[page_number];

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.6);

  for (guint i = 0; i < page->len; i++)
    {
      Block *block = self->blocks->pdata[g_array_index (page, guint, i)];
      double x = MARGIN;

      if (i > 0)
        y += block->space_before;

      if (block->kind == BLOCK_ROW && block->header && !block->ruled)
        {
          cairo_set_source_rgb (cr, 0.92, 0.92, 0.92);
          cairo_rectangle (cr, MARGIN, y, usable_width (self), block->height);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
        }

      for (guint c = 0; c < block->n_cells; c++)
        {
          double pad = block->kind == BLOCK_ROW ? PADDING : 0;

          cairo_move_to (cr, x + pad, y + pad);
          if (block->muted)
            cairo_set_source_rgb (cr, 0.36, 0.36, 0.36);
          pango_cairo_show_layout (cr, block->cells[c]);
          cairo_set_source_rgb (cr, 0, 0, 0);
          if (block->kind == BLOCK_ROW && !block->ruled)
            {
              cairo_rectangle (cr, x, y, block->widths[c], block->height);
              cairo_stroke (cr);
            }
          x += block->widths[c];
        }

      /* A list's rows are parted by hairlines; its header by a full line. */
      if (block->ruled || block->rule_below)
        {
          cairo_save (cr);
          if (block->ruled && !block->header)
            {
              cairo_set_source_rgb (cr, 0.72, 0.72, 0.72);
              cairo_set_line_width (cr, 0.4);
            }
          cairo_move_to (cr, MARGIN, y + block->height + (block->rule_below ? 3 : 0));
          cairo_line_to (cr, block->ruled ? x : MARGIN + usable_width (self),
                         y + block->height + (block->rule_below ? 3 : 0));
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      y += block->height;
    }

  /* The foot of every page: what it is, and "Page n of N". */
  {
    /* Translators: at the foot of printed pages, "Page 2 of 5" */
    g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page_number + 1, self->pages->len);
    g_autoptr(PangoLayout) left = new_layout (self, self->footer, 8.5, FALSE, usable_width (self) * 0.7);
    g_autoptr(PangoLayout) right = new_layout (self, number, 8.5, FALSE, usable_width (self) * 0.3);

    pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
    pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);
    cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
    cairo_move_to (cr, MARGIN, self->height - MARGIN - 10);
    pango_cairo_show_layout (cr, left);
    cairo_move_to (cr, MARGIN + usable_width (self) * 0.7, self->height - MARGIN - 10);
    pango_cairo_show_layout (cr, right);
  }
  cairo_restore (cr);
}

gboolean
coalition_document_check_fit (CoalitionDocument  *self,
                              char              **out_problem)
{
  for (guint p = 0; p < self->pages->len; p++)
    {
      GArray *page = self->pages->pdata[p];
      double y = 0;

      for (guint i = 0; i < page->len; i++)
        {
          Block *block = self->blocks->pdata[g_array_index (page, guint, i)];
          double row_width = 0;

          y += (i > 0 ? block->space_before : 0) + block->height;
          for (guint c = 0; c < block->n_cells; c++)
            {
              PangoRectangle ink, logical;
              double pad = block->kind == BLOCK_ROW ? PADDING : 0;

              pango_layout_get_extents (block->cells[c], &ink, &logical);
              row_width += block->widths[c];
              if ((double)logical.width / PANGO_SCALE > block->widths[c] - 2 * pad + 0.01 ||
                  (double)(ink.x + ink.width) / PANGO_SCALE > block->widths[c] - 2 * pad + 0.5 ||
                  (double)logical.height / PANGO_SCALE > block->height - 2 * pad + 0.01)
                {
                  *out_problem = g_strdup_printf ("page %u: “%s” runs past its cell", p + 1,
                                                  pango_layout_get_text (block->cells[c]));
                  return FALSE;
                }
            }
          if (row_width > usable_width (self) + 0.01)
            {
              *out_problem = g_strdup_printf ("page %u: a row is wider than the margins", p + 1);
              return FALSE;
            }
        }
      if (y > usable_height (self) + 0.01)
        {
          *out_problem = g_strdup_printf ("page %u runs past the bottom margin (%.1f of %.1f points)", p + 1, y,
                                          usable_height (self));
          return FALSE;
        }
    }

  return TRUE;
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
coalition_document_write_pdf (CoalitionDocument  *self,
                              const char         *path,
                              GError            **error)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  /* Laid out in memory, then written whole: cairo's own file output does not
   * always report a failed write, which left a cut PDF behind as if saved. */
  surface = cairo_pdf_surface_create_for_stream (append_to_array, pdf, self->width, self->height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->footer ? self->footer : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Coalition");
  cr = cairo_create (surface);
  for (guint p = 0; p < self->pages->len; p++)
    {
      coalition_document_draw_page (self, cr, p);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("“%s” could not be written: %s"), name,
                   cairo_status_to_string (status));
      return FALSE;
    }

  return coalition_export_write_file (path, (const char *)pdf->data, pdf->len, error);
}
