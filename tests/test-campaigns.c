/* test-campaigns.c — campaigns as a coalition's staff use them: benchmarks
 * whose status follows the calendar, wins with shared credit, a sign-on
 * letter printed and its signatories exported, and the monthly update as
 * an e-mail and a PDF, each read back by another program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "coalition-core.h"
#include "coalition-print.h"

#define HOSTILE "<script>alert(\"x\")</script> & Co"

static CoalitionStore *
new_store (const char *name)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;
  CoalitionStore *store = coalition_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

/* Where a test's files go: $COALITION_PRINT_PAGES when set, so that a
 * person can look at them after a change of layout. */
static char *
output_path (const char *name)
{
  const char *keep = g_getenv ("COALITION_PRINT_PAGES");

  return g_build_filename (keep ? keep : g_get_user_data_dir (), name, NULL);
}

static char *
day_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* What a program prints, failing the test if it fails. */
static char *
read_with (const char * const *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The text of a PDF with every run of white space as one space, so that a
 * name wrapped over two lines reads whole; a line that ends at a hyphen of
 * the name ("Saint-" / "Exupéry") joins the next without a space. Read
 * @raw, in the order it was drawn, the feet of the pages are left out, so
 * that text runs on across pages; the pages as drawn go to @out_raw. */
static char *
pdf_text_joined (const char *path,
                 gboolean    raw,
                 char      **out_raw)
{
  g_autofree char *text = read_with (raw ? (const char *[]) { "pdftotext", "-raw", path, "-", NULL }
                                         : (const char *[]) { "pdftotext", path, "-", NULL });
  g_autoptr(GRegex) hyphen_breaks = g_regex_new ("(?<=\\w-)\\n", 0, 0, NULL);
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  g_autoptr(GRegex) feet = g_regex_new ("^.*Page \\d+ of \\d+\\n", G_REGEX_MULTILINE, 0, NULL);
  g_autofree char *footless = raw ? g_regex_replace_literal (feet, text, -1, 0, "", 0, NULL) : g_strdup (text);
  g_autofree char *unbroken = g_regex_replace_literal (hyphen_breaks, footless, -1, 0, "", 0, NULL);
  char *joined = g_regex_replace_literal (spaces, unbroken, -1, 0, " ", 0, NULL);

  if (out_raw != NULL)
    *out_raw = g_steal_pointer (&text);
  return joined;
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *info = read_with ((const char *[]) { "pdfinfo", path, NULL });
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static gint64
add_person (CoalitionStore *store,
            const char     *given,
            const char     *family,
            const char     *title)
{
  g_autoptr(CoalitionPerson) person = coalition_person_new ();
  g_autoptr(GError) error = NULL;

  coalition_person_set_given_name (person, given);
  coalition_person_set_family_name (person, family);
  if (title != NULL)
    coalition_person_set_title (person, title);
  g_assert_true (coalition_store_insert_person (store, person, &error));
  g_assert_no_error (error);
  return coalition_person_get_id (person);
}

static gint64
add_organization (CoalitionStore  *store,
                  const char      *name,
                  CoalitionStatus  status)
{
  g_autoptr(CoalitionOrganization) organization = coalition_organization_new (name);
  g_autoptr(GError) error = NULL;

  coalition_organization_set_status (organization, status);
  g_assert_true (coalition_store_insert_organization (store, organization, &error));
  g_assert_no_error (error);
  return coalition_organization_get_id (organization);
}

/* ---------------------------------------------------------------------- */

static void
test_campaigns_benchmarks (void)
{
  g_autoptr(CoalitionStore) store = new_store ("benchmarks.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionCampaign) campaign = NULL;
  g_autoptr(GPtrArray) benchmarks = NULL;
  g_autofree char *today = day_from_today (0);
  g_autofree char *yesterday = day_from_today (-1);
  g_autofree char *in_ten_days = day_from_today (10);
  g_autofree char *in_a_month = day_from_today (30);
  g_autoptr(CoalitionBenchmark) late = coalition_benchmark_new ("Testimony from 30 tenants", yesterday);
  g_autoptr(CoalitionBenchmark) soon = coalition_benchmark_new ("Meet every council member", in_ten_days);
  g_autoptr(CoalitionBenchmark) met = coalition_benchmark_new ("Launch the petition", yesterday);
  g_autoptr(CoalitionBenchmark) later = coalition_benchmark_new ("Hearing scheduled", in_a_month);
  gint64 campaign_id, goal_id;

  campaign_id = coalition_store_create_campaign (store, "Keep Riverside Housed",
                                                 "Pass rent stabilization\nFund tenant counsel", &error);
  g_assert_no_error (error);
  g_assert_cmpint (campaign_id, >, 0);
  goal_id = coalition_store_add_goal (store, campaign_id, "Council votes on the ordinance by June",
                                      COALITION_GOAL_SHORT_TERM, &error);
  g_assert_no_error (error);

  /* Set on track by someone weeks ago, and the date has passed since. */
  late->status = COALITION_BENCHMARK_ON_TRACK;
  soon->status = COALITION_BENCHMARK_NOT_STARTED;
  met->status = COALITION_BENCHMARK_MET;
  later->status = COALITION_BENCHMARK_AT_RISK;
  g_assert_true (coalition_store_add_benchmark (store, goal_id, late, &error));
  g_assert_true (coalition_store_add_benchmark (store, goal_id, soon, &error));
  g_assert_true (coalition_store_add_benchmark (store, goal_id, met, &error));
  g_assert_true (coalition_store_add_benchmark (store, goal_id, later, &error));
  g_assert_no_error (error);

  g_assert_cmpint (coalition_benchmark_get_effective_status (late, today), ==, COALITION_BENCHMARK_MISSED);
  g_assert_false (coalition_benchmark_is_due_soon (late, today));
  g_assert_cmpint (coalition_benchmark_get_effective_status (soon, today), ==, COALITION_BENCHMARK_NOT_STARTED);
  g_assert_true (coalition_benchmark_is_due_soon (soon, today));
  g_assert_cmpint (coalition_benchmark_get_effective_status (met, today), ==, COALITION_BENCHMARK_MET);
  g_assert_false (coalition_benchmark_is_due_soon (met, today));
  g_assert_cmpint (coalition_benchmark_get_effective_status (later, today), ==, COALITION_BENCHMARK_AT_RISK);
  g_assert_false (coalition_benchmark_is_due_soon (later, today));
  /* The day before it was due, the late one was only on track. */
  {
    g_autofree char *before = day_from_today (-2);

    g_assert_cmpint (coalition_benchmark_get_effective_status (late, before), ==, COALITION_BENCHMARK_ON_TRACK);
  }

  /* Read back by due date, and counted at a glance. */
  benchmarks = coalition_store_list_benchmarks (store, goal_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (benchmarks->len, ==, 4);
  g_assert_cmpstr (((CoalitionBenchmark *)benchmarks->pdata[3])->title, ==, "Hearing scheduled");
  g_assert_cmpint (((CoalitionBenchmark *)benchmarks->pdata[3])->status, ==, COALITION_BENCHMARK_AT_RISK);
  campaign = coalition_store_get_campaign (store, campaign_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (campaign->n_benchmarks, ==, 4);
  g_assert_cmpuint (campaign->n_met, ==, 1);
  g_assert_cmpuint (campaign->n_due_soon, ==, 1);
  g_assert_cmpuint (campaign->n_overdue, ==, 1);
  g_assert_cmpuint (campaign->n_wins, ==, 0);
}

static void
test_campaigns_wins (void)
{
  g_autoptr(CoalitionStore) store = new_store ("wins.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionWin) hearing = coalition_win_new ("2026-10-14", "Council agrees to a public hearing");
  g_autoptr(CoalitionWin) vote = coalition_win_new ("2026-11-03", "Committee passes the ordinance 5–2");
  g_autoptr(CoalitionWin) earlier = coalition_win_new ("2026-11-30", "Mayor says she will sign");
  g_autoptr(GPtrArray) november = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(CoalitionCampaign) campaign = NULL;
  gint64 campaign_id, goal_id, union_id, church_id, lan_id;

  campaign_id = coalition_store_create_campaign (store, "Keep Riverside Housed", "", &error);
  goal_id = coalition_store_add_goal (store, campaign_id, "Pass the ordinance", COALITION_GOAL_LONG_TERM, &error);
  g_assert_no_error (error);
  union_id = add_organization (store, "Riverside Tenants Union", COALITION_STATUS_MEMBER);
  church_id = add_organization (store, "Église Saint-Michel", COALITION_STATUS_MEMBER);
  lan_id = add_person (store, "Lan", "Nguyễn Thị", NULL);

  for (guint i = 0; i < 3; i++)
    {
      CoalitionWin *win = (CoalitionWin *[]) { hearing, vote, earlier }[i];

      win->campaign_id = campaign_id;
      win->goal_id = i == 1 ? goal_id : 0;
      g_array_append_val (win->organization_ids, union_id);
      if (i == 1)
        {
          g_array_append_val (win->organization_ids, church_id);
          g_array_append_val (win->person_ids, lan_id);
        }
      g_assert_true (coalition_store_add_win (store, win, &error));
      g_assert_no_error (error);
      g_assert_cmpint (win->id, >, 0);
    }

  /* November's, latest first, each with its goal and its credit. */
  november = coalition_store_list_wins (store, campaign_id, "2026-11-01", "2026-11-30", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (november->len, ==, 2);
  g_assert_cmpstr (((CoalitionWin *)november->pdata[0])->title, ==, "Mayor says she will sign");
  {
    CoalitionWin *win = november->pdata[1];

    g_assert_cmpstr (win->title, ==, "Committee passes the ordinance 5–2");
    g_assert_cmpint (win->goal_id, ==, goal_id);
    g_assert_cmpstr (win->goal_title, ==, "Pass the ordinance");
    g_assert_cmpstr (win->campaign_name, ==, "Keep Riverside Housed");
    /* Organizations first, by name, then people. */
    g_assert_cmpuint (win->contributors->len, ==, 3);
    g_assert_cmpstr (win->contributors->pdata[0], ==, "Église Saint-Michel");
    g_assert_cmpstr (win->contributors->pdata[1], ==, "Riverside Tenants Union");
    g_assert_cmpstr (win->contributors->pdata[2], ==, "Lan Nguyễn Thị");
  }
  g_assert_cmpstr (((CoalitionWin *)november->pdata[0])->goal_title, ==, "");

  all = coalition_store_list_wins (store, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpstr (((CoalitionWin *)all->pdata[2])->title, ==, "Council agrees to a public hearing");
  campaign = coalition_store_get_campaign (store, campaign_id, &error);
  g_assert_cmpuint (campaign->n_wins, ==, 3);
}

/* ---------------------------------------------------------------------- */
/* A sign-on letter with forty signatories */

static const char *letter_body =
  "Dear Mayor Lin,\n"
  "\n"
  "We, the undersigned organizations and residents of Riverside, write to ask you to sign the rent "
  "stabilization ordinance that the City Council will vote on this winter. Rents in our neighbourhoods "
  "have risen by a third in four years, while wages have not; families who have lived here for "
  "generations are being pushed out of the city they built.\n"
  "\n"
  "The ordinance limits yearly increases to the rise in prices plus two percent, keeps a fair return "
  "for owners, and funds counsel for tenants facing eviction. It is the result of two years of "
  "listening sessions in English, Spanish, Vietnamese, Korean and Ukrainian, and of careful work with "
  "small landlords.\n"
  "\n"
  "Cities that have done the same have kept their teachers, nurses and bus drivers close to the "
  "people they serve. We ask you to stand with the tenants of Riverside: sign the ordinance, and "
  "fund the counsel it promises.\n"
  "\n"
  "We would welcome the chance to meet with you before the vote.\n"
  "\n"
  "Respectfully,";

typedef struct
{
  CoalitionStore *store;
  gint64          letter_id;
  GPtrArray      *names;          /* every signatory's name, in the letter's order */
  GPtrArray      *signed_by;      /* who signed for each, "" for a person */
  GArray         *unsigned_ids;   /* member organizations that did not sign */
  GArray         *signed_ids;     /* organizations that did */
} LetterFixture;

static void
letter_fixture_set_up (LetterFixture *fixture,
                       gconstpointer  data)
{
  g_autoptr(CoalitionLetter) letter = coalition_letter_new ("Support the Riverside Rent Stabilization Ordinance");
  g_autoptr(GError) error = NULL;
  const char *org_names[] = {
    "Riverside Tenants Union", "Église Saint-Michel", "Hội Người Việt Cao Niên Riverside",
    "한인 세입자 협회", "Союз орендарів «Дніпро»", "Eastside Community Land Trust",
    "United Healthcare Workers Local 2015", "Riverside Interfaith Council for Housing Justice and Fair Rents in the "
    "Lower Valley and the Old Town Neighbourhoods",
    "Asociación de Inquilinos de Valle Bajo", "Lower Valley Food Bank", "Teachers for Stable Homes",
    "Riverside Youth Climate Collective", "Centro Legal de la Raza", "Disability Rights Riverside",
    "Old Town Merchants Association", "=HYPERLINK(\"http://example.com\") Neighbours", "Mothers on the Move",
    "Riverside Bicycle Coalition", "Sunrise Riverside", "Habitat for Humanity Riverside Valley",
    "St. Anne’s Catholic Worker House", "Amalgamated Transit Union Local 1555", "Riverside Public Library Friends",
    "Korean Resource Center", "Black Women for Wellness Riverside",
  };
  const char *signers[] = {
    "Rev. Ama Mensah, Pastor", "Père Étienne Dubois", "Bà Trần Thị Hoa, Chủ tịch", "이서연, 대표",
    "Ірина Коваль, голова", "Marcus Webb, Director", "", "Rev. Dr. Constance Abernathy-Okonkwo, Co-Chair of the "
    "Steering Committee", "María José Fernández", "Priya Raman, Executive Director", "-Jo Ellis",
    "Kai Morgan", "Luis Ortega, Staff Attorney", "Sam Okafor", "Wen Li, President", "+1 (555) 010-2020", "Ruth Adeyemi",
    "Tom Becker", "Ana Lucía Cruz", "Greg Holm", "Sister Mary Clare", "Dwayne Ross, President", "Helen Park",
    "Dae-jung Kim, Organizer", "Keisha Brown",
  };
  const char *people[][2] = {
    { "Zoë", "Brontë" }, { "Łukasz", "Wiśniewski" }, { "민준", "김" }, { "An", "Nguyễn Văn" }, { "Олена", "Шевченко" },
    { "Aarav", "Sharma" }, { "Sigríður", "Jónsdóttir" }, { "Γιώργος", "Παπαδόπουλος" }, { "Fatima", "Haddad" },
    { "Jean-Baptiste", "Okonkwo-Laurent de Saint-Exupéry" }, { "Mei", "Chen" }, { "Tomás", "Ó Briain" },
    { "Hannah", "Schäfer" }, { "Kwame", "Asante" }, { "Ingrid", "Løvås" },
  };
  gint64 addressee;

  G_STATIC_ASSERT (G_N_ELEMENTS (org_names) == 25);
  G_STATIC_ASSERT (G_N_ELEMENTS (signers) == 25);
  G_STATIC_ASSERT (G_N_ELEMENTS (people) == 15);

  fixture->store = new_store ("letter.db");
  fixture->names = g_ptr_array_new_with_free_func (g_free);
  fixture->signed_by = g_ptr_array_new_with_free_func (g_free);
  fixture->unsigned_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  fixture->signed_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_assert_true (coalition_store_set_setting (fixture->store, "coalition-name", "Riverside Housing Justice Coalition",
                                              &error));

  addressee = add_person (fixture->store, "Grace", "Lin", "Mayor of Riverside");
  letter->addressee_id = addressee;
  letter->status = COALITION_LETTER_COLLECTING;
  g_free (letter->body);
  letter->body = g_strdup (letter_body);
  g_free (letter->deadline);
  letter->deadline = g_strdup ("2026-12-15");
  g_assert_true (coalition_store_add_letter (fixture->store, letter, &error));
  g_assert_no_error (error);
  fixture->letter_id = letter->id;

  for (guint i = 0; i < G_N_ELEMENTS (org_names); i++)
    {
      gint64 id = add_organization (fixture->store, org_names[i], COALITION_STATUS_MEMBER);

      coalition_store_add_signatory (fixture->store, letter->id, id, 0, signers[i], "2026-11-20", &error);
      g_assert_no_error (error);
      g_array_append_val (fixture->signed_ids, id);
    }
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      /* Vietnamese names are written family name first, with spaces. */
      gint64 id = add_person (fixture->store, people[i][0], people[i][1], NULL);

      if (g_str_equal (people[i][0], "An"))
        {
          g_autoptr(CoalitionPerson) person = coalition_store_get_person (fixture->store, id, &error);

          coalition_person_set_display_name (person, "Nguyễn Văn An");
          g_assert_true (coalition_store_update_person (fixture->store, person, &error));
        }

      coalition_store_add_signatory (fixture->store, letter->id, 0, id, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  /* Members still to ask, and an ally who is not a member. */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("Not Yet Signed Member %u", i + 1);
      gint64 id = add_organization (fixture->store, name, COALITION_STATUS_MEMBER);

      g_array_append_val (fixture->unsigned_ids, id);
    }
  add_organization (fixture->store, "Friendly Ally Without Membership", COALITION_STATUS_ALLY);

  {
    g_autoptr(GPtrArray) signatories = coalition_store_list_signatories (fixture->store, letter->id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (signatories->len, ==, 40);
    for (guint i = 0; i < signatories->len; i++)
      {
        CoalitionSignatory *signatory = signatories->pdata[i];

        g_ptr_array_add (fixture->names, g_strdup (signatory->name));
        g_ptr_array_add (fixture->signed_by, g_strdup (signatory->signed_by));
      }
  }
}

static void
letter_fixture_tear_down (LetterFixture *fixture,
                          gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->names, g_ptr_array_unref);
  g_clear_pointer (&fixture->signed_by, g_ptr_array_unref);
  g_clear_pointer (&fixture->unsigned_ids, g_array_unref);
  g_clear_pointer (&fixture->signed_ids, g_array_unref);
}

static void
test_campaigns_letter_pdf (LetterFixture *fixture,
                           gconstpointer  data)
{
  const double *paper = data;
  g_autofree char *name = g_strdup_printf ("letter-%.0f.pdf", paper[0]);
  g_autofree char *path = output_path (name);
  g_autoptr(CoalitionDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages;

  document = coalition_document_new_letter (fixture->store, fixture->letter_id, paper[0], paper[1], &error);
  g_assert_no_error (error);
  if (!coalition_document_check_fit (document, &problem))
    g_error ("%s", problem);
  g_assert_true (coalition_document_write_pdf (document, path, &error));
  g_assert_no_error (error);

  n_pages = coalition_document_get_n_pages (document);
  g_assert_cmpuint (n_pages, >=, 2);
  g_assert_cmpuint (pdf_pages (path), ==, n_pages);

  text = pdf_text_joined (path, TRUE, &raw);
  /* Every signatory once, whatever their script; who signed for each. */
  for (guint i = 0; i < fixture->names->len; i++)
    {
      const char *signatory = fixture->names->pdata[i];

      if (count (text, signatory) != 1)
        g_error ("“%s” is on the letter %u times", signatory, count (text, signatory));
      if (*(char *)fixture->signed_by->pdata[i] != '\0')
        g_assert_nonnull (strstr (text, fixture->signed_by->pdata[i]));
    }
  /* In the store's order: organizations, then people. */
  for (guint i = 1; i < fixture->names->len; i++)
    g_assert_true (strstr (text, fixture->names->pdata[i - 1]) < strstr (text, fixture->names->pdata[i]));

  /* The letterhead, the addressee with their title, the subject, the text
   * in its paragraphs, and the signatures after it. */
  g_assert_true (g_str_has_prefix (text, "Riverside Housing Justice Coalition "));
  g_assert_nonnull (strstr (text, "Grace Lin Mayor of Riverside"));
  g_assert_nonnull (strstr (text, "Support the Riverside Rent Stabilization Ordinance Dear Mayor Lin,"));
  g_assert_nonnull (strstr (text, "fund the counsel it promises."));
  g_assert_true (strstr (text, "Respectfully, Signed,") != NULL);
  g_assert_true (strstr (text, "Signed,") < strstr (text, fixture->names->pdata[0]));
  /* Unsent, it carries today's date. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%-d %B %Y");

    g_assert_nonnull (strstr (text, today));
  }

  /* Each page numbered; a page that goes on with the list repeats its head. */
  pages = g_strsplit (raw, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), >=, n_pages);
  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", p + 1, n_pages);

      g_assert_nonnull (strstr (pages[p], number));
      if (p > 0 && strstr (pages[p - 1], "Signed,") != NULL)
        g_assert_true (strstr (pages[p], "Organization") != NULL || strstr (pages[p], "Individuals") != NULL);
    }
  /* No formula is made of a name on paper: it prints as it is. */
  g_assert_nonnull (strstr (text, "=HYPERLINK(\"http://example.com\") Neighbours"));
}

static void
test_campaigns_letter_sent (LetterFixture *fixture,
                            gconstpointer  data)
{
  g_autoptr(CoalitionLetter) letter = coalition_store_get_letter (fixture->store, fixture->letter_id, NULL);
  g_autofree char *path = output_path ("letter-sent.pdf");
  g_autoptr(CoalitionDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* A letter sent carries the day it was sent. */
  letter->status = COALITION_LETTER_SENT;
  g_free (letter->sent_on);
  letter->sent_on = g_strdup ("2026-12-16");
  g_assert_true (coalition_store_update_letter (fixture->store, letter, &error));
  g_assert_no_error (error);
  document = coalition_document_new_letter (fixture->store, fixture->letter_id, 612, 792, &error);
  g_assert_no_error (error);
  g_assert_true (coalition_document_write_pdf (document, path, &error));
  text = pdf_text_joined (path, TRUE, NULL);
  g_assert_nonnull (strstr (text, "16 December 2026"));

  /* A letter that is not there. */
  g_assert_null (coalition_document_new_letter (fixture->store, 4242, 612, 792, &error));
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_FOUND);
}

/* A letter longer than a page: its paragraphs run on across pages, cut
 * between lines, and every word of it is printed once. */
static void
test_campaigns_letter_long (LetterFixture *fixture,
                            gconstpointer  data)
{
  g_autoptr(CoalitionLetter) letter = coalition_store_get_letter (fixture->store, fixture->letter_id, NULL);
  g_autoptr(GString) body = g_string_new ("Dear Mayor Lin,\n\n");
  g_autoptr(GString) sentence = g_string_new (NULL);
  g_autofree char *path = output_path ("letter-long.pdf");
  g_autoptr(CoalitionDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *text = NULL;
  g_autofree char *raw = NULL;
  g_auto(GStrv) pages = NULL;

  /* Numbered sentences, each findable; one paragraph longer than a page,
   * with hard line breaks inside paragraphs that are reflowed. */
  for (guint p = 0; p < 6; p++)
    {
      guint n_sentences = p == 2 ? 120 : 9;

      for (guint i = 0; i < n_sentences; i++)
        g_string_append_printf (body, "Sentence %u.%u of the letter, in which the tenants of Riverside%s ",
                                p, i, i % 4 == 3 ? " ask once more\nthat the Council act." : " say why.");
      g_string_append (body, "\n\n");
    }
  g_string_append (body, "Người thuê nhà ở Riverside cần sự ổn định. 리버사이드 세입자들은 안정이 필요합니다. "
                         "Орендарі Ріверсайду потребують стабільності.");
  g_free (letter->body);
  letter->body = g_strdup (body->str);
  g_assert_true (coalition_store_update_letter (fixture->store, letter, &error));
  g_assert_no_error (error);

  document = coalition_document_new_letter (fixture->store, fixture->letter_id, 595, 842, &error);
  g_assert_no_error (error);
  if (!coalition_document_check_fit (document, &problem))
    g_error ("%s", problem);
  g_assert_true (coalition_document_write_pdf (document, path, &error));
  g_assert_cmpuint (coalition_document_get_n_pages (document), >=, 5);
  g_assert_cmpuint (pdf_pages (path), ==, coalition_document_get_n_pages (document));

  text = pdf_text_joined (path, TRUE, &raw);
  for (guint p = 0; p < 6; p++)
    for (guint i = 0; i < (p == 2 ? 120u : 9u); i++)
      {
        g_string_printf (sentence, "Sentence %u.%u of the letter, in which the tenants of Riverside%s ", p, i,
                         i % 4 == 3 ? " ask once more that the Council act." : " say why.");
        if (count (text, sentence->str) != 1)
          g_error ("“%s” is printed %u times", sentence->str, count (text, sentence->str));
      }
  g_assert_nonnull (strstr (text, "Người thuê nhà ở Riverside cần sự ổn định. 리버사이드 세입자들은 안정이 필요합니다. "
                                  "Орендарі Ріверсайду потребують стабільності."));
  for (guint i = 0; i < fixture->names->len; i++)
    g_assert_cmpuint (count (text, fixture->names->pdata[i]), ==, 1);

  /* The page that goes on with the long paragraph starts with two of its
   * lines at least, not one. */
  pages = g_strsplit (raw, "\f", -1);
  for (guint p = 1; p < coalition_document_get_n_pages (document); p++)
    {
      g_auto(GStrv) lines = g_strsplit (pages[p], "\n", -1);

      g_assert_cmpuint (g_strv_length (lines), >=, 3);
    }
}

/* The export read back by Python's csv module: the header, and one row per
 * signatory with no cell a spreadsheet would run. */
static const char csv_reader[] =
  "import csv, json, sys\n"
  "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
  "    rows = list(csv.reader(f))\n"
  "print(json.dumps(rows))\n";

static void
test_campaigns_signatories_csv (LetterFixture *fixture,
                                gconstpointer  data)
{
  g_autofree char *path = output_path ("signatories.csv");
  g_autofree char *missing = g_build_filename (g_get_user_data_dir (), "no-such-folder", "signatories.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *rows;

  g_assert_true (coalition_export_signatories_csv (fixture->store, fixture->letter_id, path, &error));
  g_assert_no_error (error);
  out = read_with ((const char *[]) { "/usr/bin/python3", "-c", csv_reader, path, NULL });
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  rows = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (rows), ==, 41);
  {
    JsonArray *header = json_array_get_array_element (rows, 0);

    g_assert_cmpuint (json_array_get_length (header), ==, 4);
    g_assert_cmpstr (json_array_get_string_element (header, 0), ==, "Organization");
    g_assert_cmpstr (json_array_get_string_element (header, 1), ==, "Signed by");
    g_assert_cmpstr (json_array_get_string_element (header, 2), ==, "Person");
    g_assert_cmpstr (json_array_get_string_element (header, 3), ==, "Signed on");
  }
  for (guint i = 1; i < json_array_get_length (rows); i++)
    {
      JsonArray *row = json_array_get_array_element (rows, i);
      const char *name = fixture->names->pdata[i - 1];
      gboolean organization = i <= 25;
      const char *cell = json_array_get_string_element (row, organization ? 0 : 2);

      g_assert_cmpuint (json_array_get_length (row), ==, 4);
      /* A name that would start a formula is kept, behind an apostrophe. */
      if (strchr ("=+-@", name[0]) != NULL)
        {
          g_assert_cmpint (cell[0], ==, '\'');
          g_assert_cmpstr (cell + 1, ==, name);
        }
      else
        g_assert_cmpstr (cell, ==, name);
      g_assert_cmpstr (json_array_get_string_element (row, organization ? 2 : 0), ==, "");
      for (guint c = 0; c < 4; c++)
        {
          const char *value = json_array_get_string_element (row, c);

          g_assert_true (value[0] == '\0' || strchr ("=+-@\t\r", value[0]) == NULL);
        }
      g_assert_true (g_regex_match_simple ("^\\d{4}-\\d{2}-\\d{2}$", json_array_get_string_element (row, 3), 0, 0));
    }
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (rows, 1), 3), ==, "2026-11-20");

  /* An export that cannot be written leaves nothing behind. */
  g_assert_false (coalition_export_signatories_csv (fixture->store, fixture->letter_id, missing, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_assert_false (coalition_export_signatories_csv (fixture->store, 4242, path, &error));
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_FOUND);
}

static void
test_campaigns_ask (LetterFixture *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ask = coalition_store_list_unsigned_members (fixture->store, fixture->letter_id, &error);

  g_assert_no_error (error);
  /* The three members who have not signed, and nobody else: not those who
   * signed, not the ally who is no member. */
  g_assert_cmpuint (ask->len, ==, fixture->unsigned_ids->len);
  for (guint i = 0; i < ask->len; i++)
    {
      gint64 id = coalition_organization_get_id (ask->pdata[i]);

      g_assert_cmpint (id, ==, g_array_index (fixture->unsigned_ids, gint64, i));
      for (guint s = 0; s < fixture->signed_ids->len; s++)
        g_assert_cmpint (id, !=, g_array_index (fixture->signed_ids, gint64, s));
    }

  /* Signing twice is refused; once signed, a member leaves the ask. */
  g_assert_cmpint (coalition_store_add_signatory (fixture->store, fixture->letter_id,
                                                  g_array_index (fixture->signed_ids, gint64, 0), 0, "", NULL, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (coalition_store_add_signatory (fixture->store, fixture->letter_id,
                                                  g_array_index (fixture->unsigned_ids, gint64, 1), 0, "Bo", NULL, &error), >, 0);
  g_assert_no_error (error);
  g_clear_pointer (&ask, g_ptr_array_unref);
  ask = coalition_store_list_unsigned_members (fixture->store, fixture->letter_id, &error);
  g_assert_cmpuint (ask->len, ==, 2);
  g_assert_cmpstr (coalition_organization_get_name (ask->pdata[0]), ==, "Not Yet Signed Member 1");
  g_assert_cmpstr (coalition_organization_get_name (ask->pdata[1]), ==, "Not Yet Signed Member 3");
}

/* ---------------------------------------------------------------------- */
/* The monthly update */

static CoalitionMeeting *
add_meeting (CoalitionStore *store,
             const char     *title,
             GDateTime      *start,
             const char     *zone,
             int             status)
{
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 90);
  g_autoptr(GError) error = NULL;
  CoalitionMeeting *meeting = coalition_meeting_new ();

  coalition_meeting_set_title (meeting, title);
  coalition_meeting_set_start (meeting, start);
  coalition_meeting_set_end (meeting, end);
  coalition_meeting_set_zone (meeting, zone);
  coalition_meeting_set_location (meeting, "Riverside Library, Room 2 & 3");
  coalition_meeting_set_status (meeting, status);
  g_assert_true (coalition_store_insert_meeting (store, meeting, &error));
  g_assert_no_error (error);
  return meeting;
}

typedef struct
{
  CoalitionStore *store;
  int             year;
  int             month;
} UpdateFixture;

static void
update_fixture_set_up (UpdateFixture *fixture,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GTimeZone) la = coalition_zone_new ("America/Los_Angeles");
  g_autoptr(GDateTime) held_start = NULL;
  g_autoptr(GDateTime) next_start = NULL;
  g_autoptr(CoalitionMeeting) held = NULL;
  g_autoptr(CoalitionMeeting) next = NULL;
  g_autoptr(CoalitionMeeting) hostile = NULL;
  g_autoptr(CoalitionDecision) consensus = coalition_decision_new ("Endorse the tenant counsel budget", COALITION_DECISION_METHOD_CONSENSUS);
  g_autoptr(CoalitionDecision) vote = coalition_decision_new ("Join the march on the 12th: " HOSTILE, COALITION_DECISION_METHOD_VOTE);
  g_autoptr(CoalitionActionItem) action = coalition_action_item_new ();
  g_autoptr(CoalitionLetter) letter = coalition_letter_new ("Letter to the Council President");
  g_autoptr(CoalitionWin) win = coalition_win_new (NULL, "Hearing won: " HOSTILE);
  g_autoptr(GError) error = NULL;
  g_autofree char *win_day = NULL;
  gint64 campaign_id, ana_id, union_id;

  fixture->year = g_date_time_get_year (now);
  fixture->month = g_date_time_get_month (now);
  fixture->store = new_store ("update.db");
  g_assert_true (coalition_store_set_setting (fixture->store, "coalition-name", "Riverside Housing Justice Coalition",
                                              &error));

  /* A meeting held early in the month, and the next one later in it. */
  held_start = g_date_time_new (la, fixture->year, fixture->month, 2, 18, 30, 0);
  next_start = g_date_time_new (la, fixture->year, fixture->month, 23, 18, 30, 0);
  held = add_meeting (fixture->store, "General Meeting", held_start, "America/Los_Angeles", COALITION_MEETING_STATUS_HELD);
  next = add_meeting (fixture->store, "Steering Committee", next_start, "America/Los_Angeles",
                      COALITION_MEETING_STATUS_PLANNED);
  {
    g_autoptr(GDateTime) later = g_date_time_add_days (next_start, 2);

    hostile = add_meeting (fixture->store, HOSTILE, later, "America/Los_Angeles", COALITION_MEETING_STATUS_PLANNED);
    coalition_meeting_set_url (hostile, "javascript:alert(1)");
    g_assert_true (coalition_store_update_meeting (fixture->store, hostile, &error));
  }
  coalition_meeting_set_url (next, "https://meet.example.org/steering?a=1&b=2");
  g_assert_true (coalition_store_update_meeting (fixture->store, next, &error));
  /* The steering committee meets weekly, three times, into the next month;
   * its members are invited, with their addresses. */
  {
    g_autoptr(GDateTime) last = g_date_time_add_days (next_start, 14);
    g_autofree char *until = g_date_time_format (last, "%Y-%m-%d");
    CoalitionSeriesRule rule = { COALITION_REPEAT_WEEKLY, 1, 0, G_DATE_BAD_WEEKDAY, until };
    g_autoptr(CoalitionPerson) bo = coalition_person_new ();

    coalition_person_set_given_name (bo, "Bo");
    coalition_person_set_family_name (bo, "Andersen");
    coalition_person_add_email (bo, "work", "bo@example.org", TRUE);
    g_assert_true (coalition_store_insert_person (fixture->store, bo, &error));
    g_assert_true (coalition_store_set_attendance (fixture->store, coalition_meeting_get_id (next),
                                                   coalition_person_get_id (bo), COALITION_ATTENDANCE_INVITED, &error));
    g_assert_true (coalition_store_create_series (fixture->store, next, &rule, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_true (coalition_store_add_decision (fixture->store, coalition_meeting_get_id (held), consensus, &error));
  vote->votes_for = 14;
  vote->votes_against = 2;
  vote->votes_abstain = 1;
  g_assert_true (coalition_store_add_decision (fixture->store, coalition_meeting_get_id (held), vote, &error));
  g_assert_no_error (error);

  ana_id = add_person (fixture->store, "Ana", "Díaz", NULL);
  union_id = add_organization (fixture->store, "Riverside Tenants Union", COALITION_STATUS_MEMBER);
  add_organization (fixture->store, "Hội Người Việt Cao Niên", COALITION_STATUS_MEMBER);

  coalition_action_item_set_meeting_id (action, coalition_meeting_get_id (held));
  coalition_action_item_set_title (action, "Book the hall for the hearing");
  coalition_action_item_set_owner_id (action, ana_id);
  {
    g_autofree char *due = g_strdup_printf ("%04d-%02d-20", fixture->year, fixture->month);

    coalition_action_item_set_due (action, due);
  }
  g_assert_true (coalition_store_add_action (fixture->store, action, &error));

  campaign_id = coalition_store_create_campaign (fixture->store, "Keep Riverside Housed", "", &error);
  win_day = g_strdup_printf ("%04d-%02d-05", fixture->year, fixture->month);
  g_free (win->date);
  win->date = g_strdup (win_day);
  win->campaign_id = campaign_id;
  g_free (win->description);
  win->description = g_strdup ("Two hundred tenants came.\nThe chair agreed.");
  g_array_append_val (win->organization_ids, union_id);
  g_array_append_val (win->person_ids, ana_id);
  g_assert_true (coalition_store_add_win (fixture->store, win, &error));

  letter->campaign_id = campaign_id;
  letter->status = COALITION_LETTER_COLLECTING;
  g_free (letter->deadline);
  letter->deadline = g_strdup_printf ("%04d-%02d-28", fixture->year, fixture->month);
  g_assert_true (coalition_store_add_letter (fixture->store, letter, &error));
  coalition_store_add_signatory (fixture->store, letter->id, union_id, 0, "Marcus Webb", NULL, &error);
  g_assert_no_error (error);
}

static void
update_fixture_tear_down (UpdateFixture *fixture,
                          gconstpointer  data)
{
  g_clear_object (&fixture->store);
}

/* Strict XML parsing proves the markup well-formed; then what a reader
 * sees, the links, and the calendar files inside them. */
static const char html_checker[] =
  "import sys, base64, json, icalendar, xml.etree.ElementTree as ET\n"
  "from html.parser import HTMLParser\n"
  "data = open(sys.argv[1], encoding='utf-8').read()\n"
  "root = ET.fromstring(data.split('\\n', 1)[1])\n"
  "assert data.startswith('<!DOCTYPE html>\\n'), data[:40]\n"
  "tags = set(e.tag for e in root.iter())\n"
  "allowed = {'html','head','meta','title','body','table','tr','td','p','h1','h2','strong','em','span','br','a','ul','li'}\n"
  "assert tags <= allowed, tags - allowed\n"
  "assert root.find('head/meta').get('charset') == 'utf-8'\n"
  "links = []\n"
  "for e in root.iter():\n"
  "    for k in e.attrib:\n"
  "        assert k in ('lang','charset','name','content','style','role','width','cellpadding','cellspacing','border','align','href','download'), k\n"
  "    if e.tag == 'a':\n"
  "        links.append(e.get('href'))\n"
  "cal = []\n"
  "for href in links:\n"
  "    if href.startswith('data:'):\n"
  "        head, payload = href.split(',', 1)\n"
  "        assert head == 'data:text/calendar;charset=utf-8;base64', head\n"
  "        ics = base64.b64decode(payload)\n"
  "        assert all(len(l) <= 75 for l in ics.split(b'\\r\\n')), ics\n"
  "        events = icalendar.Calendar.from_ical(ics).walk('VEVENT')\n"
  "        cal.append({'text': ics.decode('utf-8'), 'events': len(events),\n"
  "                    'uid': str(events[0]['UID']), 'start': events[0]['DTSTART'].dt.isoformat(),\n"
  "                    'summary': str(events[0]['SUMMARY']), 'alarms': len(events[0].walk('VALARM'))})\n"
  "    else:\n"
  "        assert href.startswith('https://'), href\n"
  "class Text(HTMLParser):\n"
  "    def __init__(self):\n"
  "        super().__init__(convert_charrefs=True)\n"
  "        self.parts = []\n"
  "    def handle_data(self, d):\n"
  "        self.parts.append(d)\n"
  "t = Text()\n"
  "t.feed(data)\n"
  "t.close()\n"
  "print(json.dumps({'text': ' '.join(' '.join(t.parts).split()), 'links': links, 'calendars': cal}))\n";

static JsonObject *
check_html (const char *path)
{
  g_autofree char *out = read_with ((const char *[]) { "/usr/bin/python3", "-c", html_checker, path, NULL });
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_campaigns_update_html (UpdateFixture *fixture,
                            gconstpointer  data)
{
  g_autoptr(CoalitionUpdate) update = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  g_autofree char *path = output_path ("update.html");
  g_autoptr(JsonObject) read = NULL;
  const char *text;
  JsonArray *calendars;
  JsonArray *links;

  update = coalition_update_gather (fixture->store, fixture->year, fixture->month, &error);
  g_assert_no_error (error);
  html = coalition_update_to_html (update, fixture->store);
  g_assert_true (g_utf8_validate (html, -1, NULL));

  /* Nothing from elsewhere, and no markup out of anyone's text. */
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "src="));
  g_assert_null (strstr (html, "<link"));
  g_assert_null (strstr (html, "<style"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co"));

  g_assert_true (coalition_update_write_html (update, fixture->store, path, &error));
  g_assert_no_error (error);
  read = check_html (path);
  text = json_object_get_string_member (read, "text");

  /* The month's meetings with time, zone and place; the hostile title as
   * the words it is. */
  g_assert_nonnull (strstr (text, "Riverside Housing Justice Coalition"));
  g_assert_nonnull (strstr (text, update->month_label));
  g_assert_nonnull (strstr (text, "Steering Committee"));
  g_assert_nonnull (strstr (text, "18:30–20:00"));
  g_assert_nonnull (strstr (text, "(America/Los_Angeles)"));
  g_assert_nonnull (strstr (text, "Riverside Library, Room 2 & 3"));
  g_assert_cmpuint (count (text, HOSTILE), ==, 3);
  /* Decisions with their meeting and how they were taken. */
  g_assert_nonnull (strstr (text, "Endorse the tenant counsel budget"));
  g_assert_nonnull (strstr (text, "General Meeting"));
  g_assert_nonnull (strstr (text, "consensus"));
  g_assert_nonnull (strstr (text, "14 for, 2 against, 1 abstaining"));
  /* The win and its credit; the new members; the letter; the action. */
  g_assert_nonnull (strstr (text, "Hearing won:"));
  g_assert_nonnull (strstr (text, "Thanks to: Riverside Tenants Union, Ana Díaz"));
  g_assert_nonnull (strstr (text, "Hội Người Việt Cao Niên"));
  g_assert_nonnull (strstr (text, "Letter to the Council President"));
  g_assert_nonnull (strstr (text, "1 signatory"));
  g_assert_nonnull (strstr (text, "Book the hall for the hearing"));
  g_assert_nonnull (strstr (text, "Ana Díaz"));
  g_assert_null (strstr (text, "No meetings"));

  /* A calendar file for each meeting to come, whole in its link and read
   * by python's icalendar: that meeting alone (not its whole series), at
   * its time in its zone, with the reminders and without the invitees'
   * addresses. The web link of the meeting; nothing from a "javascript:"
   * address. */
  calendars = json_object_get_array_member (read, "calendars");
  g_assert_cmpuint (update->upcoming_meetings->len, ==, 4);
  g_assert_cmpuint (json_array_get_length (calendars), ==, update->upcoming_meetings->len);
  for (guint i = 0; i < json_array_get_length (calendars); i++)
    {
      JsonObject *calendar = json_array_get_object_element (calendars, i);
      CoalitionMeeting *meeting = update->upcoming_meetings->pdata[i];
      const char *ics = json_object_get_string_member (calendar, "text");
      g_autofree char *start = g_date_time_format (coalition_meeting_get_start (meeting), "%Y-%m-%dT%H:%M:%S%:z");

      g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\n"));
      g_assert_nonnull (strstr (ics, "TZID:America/Los_Angeles"));
      g_assert_null (strstr (ics, "ATTENDEE"));
      g_assert_null (strstr (ics, "bo@example.org"));
      g_assert_null (strstr (ics, "RRULE:FREQ=WEEKLY"));
      g_assert_cmpint (json_object_get_int_member (calendar, "events"), ==, 1);
      g_assert_cmpstr (json_object_get_string_member (calendar, "uid"), ==, coalition_meeting_get_uid (meeting));
      g_assert_cmpstr (json_object_get_string_member (calendar, "start"), ==, start);
      g_assert_cmpstr (json_object_get_string_member (calendar, "summary"), ==, coalition_meeting_get_title (meeting));
      g_assert_cmpint (json_object_get_int_member (calendar, "alarms"), ==, 2);
    }
  links = json_object_get_array_member (read, "links");
  g_assert_cmpuint (json_array_get_length (links), ==, 7);
  g_assert_cmpstr (json_array_get_string_element (links, 0), ==, "https://meet.example.org/steering?a=1&b=2");
}

static void
test_campaigns_update_pdf (UpdateFixture *fixture,
                           gconstpointer  data)
{
  g_autoptr(CoalitionDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = output_path ("update.pdf");
  g_autofree char *problem = NULL;
  g_autofree char *text = NULL;

  document = coalition_document_new_update (fixture->store, fixture->year, fixture->month, 595, 842, &error);
  g_assert_no_error (error);
  if (!coalition_document_check_fit (document, &problem))
    g_error ("%s", problem);
  g_assert_true (coalition_document_write_pdf (document, path, &error));
  g_assert_cmpuint (pdf_pages (path), ==, coalition_document_get_n_pages (document));

  /* In reading order: -raw splits some kerned pairs of the sans face. */
  text = pdf_text_joined (path, FALSE, NULL);
  g_assert_nonnull (strstr (text, "Monthly update"));
  g_assert_nonnull (strstr (text, "Steering Committee"));
  g_assert_nonnull (strstr (text, "(America/Los_Angeles)"));
  g_assert_nonnull (strstr (text, "Riverside Library, Room 2 & 3"));
  g_assert_nonnull (strstr (text, HOSTILE));
  g_assert_nonnull (strstr (text, "Endorse the tenant counsel budget"));
  g_assert_nonnull (strstr (text, "14 for, 2 against, 1 abstaining"));
  g_assert_nonnull (strstr (text, "Hearing won:"));
  g_assert_nonnull (strstr (text, "Thanks to: Riverside Tenants Union, Ana Díaz"));
  g_assert_nonnull (strstr (text, "Hội Người Việt Cao Niên"));
  g_assert_nonnull (strstr (text, "Letter to the Council President"));
  g_assert_nonnull (strstr (text, "Book the hall for the hearing"));
  g_assert_nonnull (strstr (text, "Page 1 of"));
}

/* A month with nothing in it says so kindly, in both forms. */
static void
test_campaigns_update_empty (void)
{
  g_autoptr(CoalitionStore) store = new_store ("empty-update.db");
  g_autoptr(CoalitionUpdate) update = NULL;
  g_autoptr(CoalitionDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *html_path = output_path ("update-empty.html");
  g_autofree char *pdf_path = output_path ("update-empty.pdf");
  g_autofree char *text = NULL;
  g_autoptr(JsonObject) read = NULL;
  const char *html_text;

  update = coalition_update_gather (store, 2026, 2, &error);
  g_assert_no_error (error);
  g_assert_true (coalition_update_write_html (update, store, html_path, &error));
  read = check_html (html_path);
  html_text = json_object_get_string_member (read, "text");
  document = coalition_document_new_update (store, 2026, 2, 612, 792, &error);
  g_assert_no_error (error);
  g_assert_true (coalition_document_write_pdf (document, pdf_path, &error));
  g_assert_cmpuint (coalition_document_get_n_pages (document), ==, 1);
  text = pdf_text_joined (pdf_path, FALSE, NULL);

  for (CoalitionUpdateSection s = 0; s <= COALITION_UPDATE_SECTION_LAST; s++)
    {
      g_assert_nonnull (strstr (html_text, coalition_update_section_get_title (s)));
      g_assert_nonnull (strstr (html_text, coalition_update_section_get_empty_text (s)));
      g_assert_nonnull (strstr (text, coalition_update_section_get_title (s)));
      g_assert_nonnull (strstr (text, coalition_update_section_get_empty_text (s)));
    }
  g_assert_nonnull (strstr (text, "February 2026"));

  g_assert_null (coalition_document_new_update (store, 2026, 13, 612, 792, &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  static const double a4[] = { 595, 842 };
  static const double letter[] = { 612, 792 };

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);

  g_test_add_func ("/campaigns/benchmarks", test_campaigns_benchmarks);
  g_test_add_func ("/campaigns/wins", test_campaigns_wins);
  g_test_add ("/campaigns/letter/pdf-a4", LetterFixture, a4, letter_fixture_set_up, test_campaigns_letter_pdf,
              letter_fixture_tear_down);
  g_test_add ("/campaigns/letter/pdf-letter", LetterFixture, letter, letter_fixture_set_up, test_campaigns_letter_pdf,
              letter_fixture_tear_down);
  g_test_add ("/campaigns/letter/sent", LetterFixture, NULL, letter_fixture_set_up, test_campaigns_letter_sent,
              letter_fixture_tear_down);
  g_test_add ("/campaigns/letter/long", LetterFixture, NULL, letter_fixture_set_up, test_campaigns_letter_long,
              letter_fixture_tear_down);
  g_test_add ("/campaigns/letter/csv", LetterFixture, NULL, letter_fixture_set_up, test_campaigns_signatories_csv,
              letter_fixture_tear_down);
  g_test_add ("/campaigns/letter/ask", LetterFixture, NULL, letter_fixture_set_up, test_campaigns_ask,
              letter_fixture_tear_down);
  g_test_add ("/campaigns/update/html", UpdateFixture, NULL, update_fixture_set_up, test_campaigns_update_html,
              update_fixture_tear_down);
  g_test_add ("/campaigns/update/pdf", UpdateFixture, NULL, update_fixture_set_up, test_campaigns_update_pdf,
              update_fixture_tear_down);
  g_test_add_func ("/campaigns/update/empty", test_campaigns_update_empty);

  return g_test_run ();
}
