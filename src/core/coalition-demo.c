/* coalition-demo.c — the example coalition
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A made-up but faithful coalition for housing justice in a mid-sized city:
 * tenant unions, congregations, clinics, food banks, a university, a union
 * local and a merchants' association, their staff and volunteers, allies,
 * prospects still being courted, and the officials the campaign must move,
 * with power maps of two campaigns.
 * Names come from the many communities such a coalition brings together.
 * Everything is drawn from a GRand seeded by the caller, so a seed always
 * gives the same coalition.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "coalition-demo.h"
#include "coalition-campaigns.h"
#include "coalition-meetings.h"
#include "coalition-power-map.h"
#include "coalition-store-private.h"

typedef enum
{
  ORDER_GIVEN_FIRST,   /* “Łukasz Nowak” */
  ORDER_FAMILY_FIRST,  /* “Nguyễn Văn An” */
  ORDER_FAMILY_JOINED, /* “김민준” */
} NameOrder;

typedef struct
{
  const char *name;
  const char *latin;   /* for e-mail addresses */
} Name;

typedef struct
{
  NameOrder   order;
  guint       weight;
  const Name *given;
  guint       n_given;
  const Name *family;
  guint       n_family;
} Culture;

#define N(a, b) { a, b }

static const Name english_given[] = {
  N ("Megan", "megan"), N ("Darnell", "darnell"), N ("Hannah", "hannah"), N ("Kevin", "kevin"), N ("Latoya", "latoya"), N ("Gregory", "gregory"), N ("Shannon", "shannon"), N ("Robert", "robert"), 
  N ("Emily", "emily"), N ("Michael", "michael"), N ("Sarah", "sarah"), N ("David", "david"),
  N ("Jasmine", "jasmine"), N ("Marcus", "marcus"), N ("Rachel", "rachel"), N ("Tyrone", "tyrone"),
  N ("Kathleen", "kathleen"), N ("Brian", "brian"), N ("Denise", "denise"), N ("Patrick", "patrick"),
};
static const Name english_family[] = {
  N ("Thompson", "thompson"), N ("Jackson", "jackson"), N ("Murphy", "murphy"), N ("Greene", "greene"), N ("Harris", "harris"), N ("Coleman", "coleman"), N ("Walsh", "walsh"), N ("Morgan", "morgan"), 
  N ("Johnson", "johnson"), N ("Williams", "williams"), N ("O’Brien", "obrien"), N ("Washington", "washington"),
  N ("Brooks", "brooks"), N ("Sullivan", "sullivan"), N ("Carter", "carter"), N ("Reed", "reed"),
  N ("Fitzgerald-Hughes", "fitzgeraldhughes"), N ("Bennett", "bennett"),
};
static const Name spanish_given[] = {
  N ("Carmen", "carmen"), N ("Joaquín", "joaquin"), N ("Valentina", "valentina"), N ("Héctor", "hector"), N ("Mónica", "monica"), N ("Tomás", "tomas"), 
  N ("José", "jose"), N ("Lucía", "lucia"), N ("Alejandro", "alejandro"), N ("Guadalupe", "guadalupe"),
  N ("María José", "mariajose"), N ("Andrés", "andres"), N ("Ximena", "ximena"), N ("Raúl", "raul"),
};
static const Name spanish_family[] = {
  N ("Ramírez", "ramirez"), N ("Flores", "flores"), N ("Gutiérrez", "gutierrez"), N ("Ortega", "ortega"), N ("Castillo", "castillo"), N ("Muñoz", "munoz"), 
  N ("García", "garcia"), N ("Hernández", "hernandez"), N ("Martínez", "martinez"), N ("Núñez", "nunez"),
  N ("Peña", "pena"), N ("López", "lopez"), N ("de la Cruz", "delacruz"), N ("Ibáñez", "ibanez"),
};
static const Name polish_given[] = {
  N ("Katarzyna", "katarzyna"), N ("Tomasz", "tomasz"), N ("Joanna", "joanna"), 
  N ("Łukasz", "lukasz"), N ("Małgorzata", "malgorzata"), N ("Krzysztof", "krzysztof"), N ("Zofia", "zofia"),
  N ("Agnieszka", "agnieszka"), N ("Paweł", "pawel"),
};
static const Name polish_family[] = {
  N ("Zieliński", "zielinski"), N ("Lewandowska", "lewandowska"), N ("Kamiński", "kaminski"), 
  N ("Wiśniewski", "wisniewski"), N ("Kowalska", "kowalska"), N ("Nowak", "nowak"), N ("Dąbrowski", "dabrowski"),
  N ("Woźniak", "wozniak"), N ("Szymańska", "szymanska"),
};
static const Name european_given[] = {
  N ("Léa", "lea"), N ("Mathias", "mathias"), N ("Ingrid", "ingrid"), N ("Joël", "joel"), 
  N ("Zoë", "zoe"), N ("Jürgen", "juergen"), N ("François", "francois"), N ("Hélène", "helene"),
  N ("Søren", "soren"), N ("Anaïs", "anais"), N ("Björn", "bjorn"), N ("Chloé", "chloe"),
};
static const Name european_family[] = {
  N ("Lindqvist", "lindqvist"), N ("Moreau", "moreau"), N ("Weiß", "weiss"), 
  N ("Müller", "mueller"), N ("Dubois", "dubois"), N ("Lefèvre", "lefevre"), N ("Schröder", "schroeder"),
  N ("Kjærgaard", "kjaergaard"), N ("Van der Berg", "vanderberg"), N ("Brontë", "bronte"),
};
static const Name korean_given[] = {
  N ("민준", "minjun"), N ("서연", "seoyeon"), N ("지훈", "jihoon"), N ("하은", "haeun"), N ("도윤", "doyun"),
};
static const Name korean_family[] = {
  N ("김", "kim"), N ("이", "lee"), N ("박", "park"), N ("최", "choi"), N ("정", "jung"),
};
static const Name vietnamese_given[] = {
  N ("Thanh Hương", "huong"), N ("Đức Minh", "minh"), N ("Kim Liên", "lien"), 
  N ("Văn An", "an"), N ("Thị Hoa", "hoa"), N ("Minh Tuấn", "tuan"), N ("Thu Hằng", "hang"),
  N ("Quốc Bảo", "bao"), N ("Ngọc Ánh", "anh"),
};
static const Name vietnamese_family[] = {
  N ("Võ", "vo"), N ("Huỳnh", "huynh"), N ("Bùi", "bui"), 
  N ("Nguyễn", "nguyen"), N ("Trần", "tran"), N ("Lê", "le"), N ("Phạm", "pham"), N ("Đặng", "dang"),
};
static const Name ukrainian_given[] = {
  N ("Олена", "olena"), N ("Тарас", "taras"), N ("Ірина", "iryna"), N ("Богдан", "bohdan"), N ("Оксана", "oksana"),
};
static const Name ukrainian_family[] = {
  N ("Шевченко", "shevchenko"), N ("Коваленко", "kovalenko"), N ("Бондаренко", "bondarenko"),
  N ("Ткачук", "tkachuk"),
};
static const Name greek_given[] = {
  N ("Γιώργος", "giorgos"), N ("Ελένη", "eleni"), N ("Νίκος", "nikos"), N ("Κατερίνα", "katerina"),
};
static const Name greek_family[] = {
  N ("Παπαδόπουλος", "papadopoulos"), N ("Οικονόμου", "oikonomou"), N ("Γεωργίου", "georgiou"),
};
static const Name icelandic_given[] = {
  N ("Sigríður", "sigridur"), N ("Guðmundur", "gudmundur"), N ("Þóra", "thora"), N ("Ólafur", "olafur"),
};
static const Name icelandic_family[] = {
  N ("Jónsdóttir", "jonsdottir"), N ("Ólafsson", "olafsson"), N ("Þórðardóttir", "thordardottir"),
};
static const Name chinese_given[] = {
  N ("秀英", "xiuying"), N ("伟", "wei"), N ("芳", "fang"), N ("建华", "jianhua"), N ("丽娜", "lina"),
};
static const Name chinese_family[] = {
  N ("王", "wang"), N ("李", "li"), N ("张", "zhang"), N ("陈", "chen"), N ("刘", "liu"),
};
static const Name arabic_given[] = {
  N ("Nour", "nour"), N ("Karim", "karim"), N ("Samira", "samira"), N ("Tariq", "tariq"), N ("Rania", "rania"), 
  N ("Fatima", "fatima"), N ("Omar", "omar"), N ("Youssef", "youssef"), N ("Layla", "layla"), N ("Khadija", "khadija"),
};
static const Name arabic_family[] = {
  N ("Nasser", "nasser"), N ("Darwish", "darwish"), N ("Saleh", "saleh"), N ("Hamdan", "hamdan"), 
  N ("Haddad", "haddad"), N ("Al-Sayed", "alsayed"), N ("Khalil", "khalil"), N ("Mansour", "mansour"),
};
static const Name west_african_given[] = {
  N ("Ngozi", "ngozi"), N ("Kofi", "kofi"), N ("Fatoumata", "fatoumata"), N ("Emeka", "emeka"), N ("Abena", "abena"), 
  N ("Adebayo", "adebayo"), N ("Chiamaka", "chiamaka"), N ("Oluwaseun", "oluwaseun"), N ("Kwame", "kwame"),
  N ("Aminata", "aminata"),
};
static const Name west_african_family[] = {
  N ("Boateng", "boateng"), N ("Traoré", "traore"), N ("Nwosu", "nwosu"), N ("Owusu", "owusu"), 
  N ("Okafor", "okafor"), N ("Adeyemi", "adeyemi"), N ("Mensah", "mensah"), N ("Diallo", "diallo"),
};
static const Name south_asian_given[] = {
  N ("Deepa", "deepa"), N ("Rohan", "rohan"), N ("Farhana", "farhana"), N ("Vikram", "vikram"), N ("Lakshmi", "lakshmi"), 
  N ("Priya", "priya"), N ("Arjun", "arjun"), N ("Ananya", "ananya"), N ("Gurpreet", "gurpreet"), N ("Imran", "imran"),
};
static const Name south_asian_family[] = {
  N ("Reddy", "reddy"), N ("Rahman", "rahman"), N ("Kapoor", "kapoor"), N ("Nair", "nair"), 
  N ("Sharma", "sharma"), N ("Patel", "patel"), N ("Iyer", "iyer"), N ("Singh", "singh"), N ("Chowdhury", "chowdhury"),
};
static const Name turkish_given[] = {
  N ("Çağla", "cagla"), N ("Ömer", "omer"), N ("Şebnem", "sebnem"), N ("Emre", "emre"),
};
static const Name turkish_family[] = {
  N ("Yılmaz", "yilmaz"), N ("Öztürk", "ozturk"), N ("Şahin", "sahin"), N ("Çelik", "celik"),
};

#undef N

#define CULTURE(order, weight, g, f) { order, weight, g, G_N_ELEMENTS (g), f, G_N_ELEMENTS (f) }

static const Culture cultures[] = {
  CULTURE (ORDER_GIVEN_FIRST, 24, english_given, english_family),
  CULTURE (ORDER_GIVEN_FIRST, 16, spanish_given, spanish_family),
  CULTURE (ORDER_GIVEN_FIRST, 6, polish_given, polish_family),
  CULTURE (ORDER_GIVEN_FIRST, 6, european_given, european_family),
  CULTURE (ORDER_FAMILY_JOINED, 5, korean_given, korean_family),
  CULTURE (ORDER_FAMILY_FIRST, 6, vietnamese_given, vietnamese_family),
  CULTURE (ORDER_GIVEN_FIRST, 5, ukrainian_given, ukrainian_family),
  CULTURE (ORDER_GIVEN_FIRST, 4, greek_given, greek_family),
  CULTURE (ORDER_GIVEN_FIRST, 3, icelandic_given, icelandic_family),
  CULTURE (ORDER_FAMILY_JOINED, 5, chinese_given, chinese_family),
  CULTURE (ORDER_GIVEN_FIRST, 7, arabic_given, arabic_family),
  CULTURE (ORDER_GIVEN_FIRST, 6, west_african_given, west_african_family),
  CULTURE (ORDER_GIVEN_FIRST, 7, south_asian_given, south_asian_family),
  CULTURE (ORDER_GIVEN_FIRST, 4, turkish_given, turkish_family),
};

#undef CULTURE

typedef struct
{
  const char                *pattern;   /* %s is a neighbourhood */
  CoalitionOrganizationKind  kind;
  const char                *sector;
  const char * const        *titles;
} OrganizationTemplate;

static const char * const tenant_titles[] = { "Tenant Leader", "Organizer", "Building Captain", "Co-Chair", "Volunteer", NULL };
static const char * const faith_titles[] = { "Pastor", "Social Justice Committee Chair", "Outreach Coordinator", "Deacon", "Volunteer", NULL };
static const char * const clinic_titles[] = { "Executive Director", "Nurse Practitioner", "Community Health Worker", "Policy Analyst", NULL };
static const char * const food_titles[] = { "Director", "Volunteer Coordinator", "Pantry Manager", "Volunteer", NULL };
static const char * const university_titles[] = { "Professor of Public Health", "Research Fellow", "Graduate Organizer", "Dean of Community Partnerships", NULL };
static const char * const union_titles[] = { "President", "Political Director", "Shop Steward", "Member Organizer", NULL };
static const char * const business_titles[] = { "Owner", "Board Member", "Executive Director", NULL };
static const char * const nonprofit_titles[] = { "Executive Director", "Policy Director", "Communications Lead", "Program Manager", "Volunteer", NULL };
static const char * const media_titles[] = { "Editor", "Reporter", "Station Manager", NULL };

static const OrganizationTemplate templates[] = {
  { "%s Tenants Union", COALITION_ORGANIZATION_KIND_COMMUNITY, "Housing", tenant_titles },
  { "%s Tenant Association", COALITION_ORGANIZATION_KIND_COMMUNITY, "Housing", tenant_titles },
  { "St. Brigid’s Parish, %s", COALITION_ORGANIZATION_KIND_FAITH, "Faith", faith_titles },
  { "Masjid al-Noor of %s", COALITION_ORGANIZATION_KIND_FAITH, "Faith", faith_titles },
  { "Temple Beth Shalom, %s", COALITION_ORGANIZATION_KIND_FAITH, "Faith", faith_titles },
  { "%s Community Clinic", COALITION_ORGANIZATION_KIND_HEALTH, "Health", clinic_titles },
  { "%s Food Bank", COALITION_ORGANIZATION_KIND_NONPROFIT, "Food security", food_titles },
  { "%s Legal Aid Society", COALITION_ORGANIZATION_KIND_NONPROFIT, "Legal services", nonprofit_titles },
  { "Youth Voices of %s", COALITION_ORGANIZATION_KIND_NONPROFIT, "Youth", nonprofit_titles },
  { "%s University School of Public Health", COALITION_ORGANIZATION_KIND_EDUCATION, "Education", university_titles },
  { "%s Merchants Association", COALITION_ORGANIZATION_KIND_BUSINESS, "Small business", business_titles },
  { "Home Care Workers Local %s", COALITION_ORGANIZATION_KIND_UNION, "Labor", union_titles },
  { "%s Community Radio", COALITION_ORGANIZATION_KIND_MEDIA, "Media", media_titles },
};

static const char * const neighbourhoods[] = {
  "Eastside", "Riverside", "Northgate", "Mill Creek", "Harbor View", "Lincoln Heights", "Old Town",
  "Southfield", "Cedar Park", "Westbrook", "Union Square", "Maple Hill", "Bayview", "Fairmount",
  "Greenwood", "Ironbridge", "Lakeshore", "Chinatown", "Little Saigon", "Koreatown",
};

/* The officials the campaigns must move, city and county; a small coalition
 * has the first few. The power maps below name them by title. */
typedef struct
{
  const char *title;
  gboolean    county;
} Office;

static const Office offices[] = {
  { "Mayor", FALSE },
  { "Council Member, District 1", FALSE },
  { "Council Member, District 2", FALSE },
  { "Council Member, District 3", FALSE },
  { "Council Member, District 4", FALSE },
  { "Council Member, District 5", FALSE },
  { "Council President", FALSE },
  { "Director, Department of Housing", FALSE },
  { "Deputy Director, Department of Housing", FALSE },
  { "Chief of Staff to the Mayor", FALSE },
  { "State Senator", FALSE },
  { "State Representative", FALSE },
  { "Commissioner, Rent Stabilization Board", FALSE },
  { "Chief of Staff, Council District 3", FALSE },
  { "Legislative Aide, Council District 5", FALSE },
  { "Chair, County Board of Supervisors", TRUE },
  { "County Supervisor, District 2", TRUE },
  { "County Supervisor, District 4", TRUE },
  { "Director, County Health Services", TRUE },
  { "Chief of Staff to Supervisor, District 2", TRUE },
  { "County Budget Director", TRUE },
  { "County Supervisor, District 1", TRUE },
  { "County Supervisor, District 3", TRUE },
};

static const char *
pick (GRand              *rand,
      const char * const *items,
      guint               n_items)
{
  return items[g_rand_int_range (rand, 0, n_items)];
}

static const Culture *
pick_culture (GRand *rand)
{
  guint total = 0, roll;

  for (guint i = 0; i < G_N_ELEMENTS (cultures); i++)
    total += cultures[i].weight;

  roll = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < G_N_ELEMENTS (cultures); i++)
    {
      if (roll < cultures[i].weight)
        return &cultures[i];
      roll -= cultures[i].weight;
    }

  g_assert_not_reached ();
}

static char *
slug (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));

  return g_string_free (out, FALSE);
}

/* Patterns are ours, but printf with a variable format is one mistake away
 * from a crash; substitute the place by hand. */
static char *
fill_pattern (const char *pattern,
              const char *place)
{
  g_auto(GStrv) parts = g_strsplit (pattern, "%s", -1);

  return g_strjoinv (place, parts);
}

static const char * const streets[] = {
  "Main Street", "Riverside Avenue", "Oak Street", "Calle Olvera", "Market Street", "Church Road",
  "Station Road", "Jefferson Boulevard", "Ulica Długa", "Avenida Juárez",
};

static const char * const capacities[] = {
  "Two organizers and a meeting hall for 150 people",
  "A phone bank of 30 volunteers on Tuesday nights",
  "Print shop and a van for deliveries",
  "Staff lawyer; can review sign-on letters",
  "Youth volunteers for canvassing on weekends",
};

static const char * const constituencies[] = {
  "About 1 200 member households on the east side",
  "Congregation of 800; Spanish- and English-language services",
  "3 400 members in 12 workplaces",
  "Newsletter to 9 000 readers; 4 000 followers",
  "Parents at six elementary schools",
};

static const char * const accesses[] = {
  "Board member is the council member’s former chief of staff",
  "Regular meetings with the housing department",
  "Knows the mayor’s policy advisor",
  "",
  "",
};

static const char * const organization_tags[][2] = {
  { "housing", "tenants" }, { "faith", "east side" }, { "labor", "health" },
  { "youth", "education" }, { "legal", "housing" }, { "media", "" },
};

static const char * const person_skills[] = {
  "facilitation, public speaking", "translation (Spanish)", "graphic design", "data entry, spreadsheets",
  "fundraising", "social media", "legal research", "translation (Vietnamese), canvassing",
  "photography", "note taking",
};

static const char * const person_tags[] = { "volunteer", "speaker", "spokesperson", "Spanish speaker", "driver" };

/* What an organization brings, its address and its tags; chosen by its
 * position so the random sequence of the rest stays as it was. */
static void
describe_organization (CoalitionOrganization      *organization,
                       const OrganizationTemplate *t,
                       guint                       index)
{
  g_autofree char *address = g_strdup_printf ("%u %s, Riverside", 10 + (index * 37) % 990,
                                              streets[index % G_N_ELEMENTS (streets)]);
  const char * const *tags = organization_tags[(index + t->kind) % G_N_ELEMENTS (organization_tags)];
  const char *tag_list[] = { tags[0], tags[1], NULL };
  g_autofree char *email = NULL;

  coalition_organization_set_address (organization, address);
  if (index % 3 != 2)
    {
      coalition_organization_set_capacity (organization, capacities[index % G_N_ELEMENTS (capacities)]);
      coalition_organization_set_constituency (organization, constituencies[(index / 3) % G_N_ELEMENTS (constituencies)]);
      coalition_organization_set_access (organization, accesses[(index / 2) % G_N_ELEMENTS (accesses)]);
    }
  coalition_organization_set_tags (organization, tag_list);
  email = g_strdup_printf ("office%u@example.org", index);
  g_ptr_array_add (coalition_organization_get_emails (organization), coalition_contact_point_new ("office", email, TRUE));
}

static gboolean
add_organizations (CoalitionStore  *store,
                   GRand           *rand,
                   guint            n_organizations,
                   GPtrArray       *out,
                   GError         **error)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; out->len < n_organizations; i++)
    {
      const OrganizationTemplate *t = &templates[g_rand_int_range (rand, 0, G_N_ELEMENTS (templates))];
      g_autoptr(CoalitionOrganization) organization = NULL;
      g_autofree char *place = NULL;
      g_autofree char *name = NULL;
      g_autofree char *site = NULL;
      double roll = g_rand_double (rand);
      CoalitionStatus status;

      if (t->kind == COALITION_ORGANIZATION_KIND_UNION)
        place = g_strdup_printf ("%u", 100 + g_rand_int_range (rand, 0, 900));
      else if (i < G_N_ELEMENTS (neighbourhoods) * 4)
        place = g_strdup (pick (rand, neighbourhoods, G_N_ELEMENTS (neighbourhoods)));
      else
        place = g_strdup_printf ("%s %u", pick (rand, neighbourhoods, G_N_ELEMENTS (neighbourhoods)),
                                 g_rand_int_range (rand, 2, 99));

      name = fill_pattern (t->pattern, place);
      if (g_hash_table_contains (used, name))
        continue;

      /* Most organizations in a working coalition are members; the rest
       * are in the outreach pipeline or have left. */
      if (roll < 0.55)
        status = COALITION_STATUS_MEMBER;
      else if (roll < 0.68)
        status = COALITION_STATUS_PROSPECT;
      else if (roll < 0.77)
        status = COALITION_STATUS_CONTACTED;
      else if (roll < 0.85)
        status = COALITION_STATUS_INVITED;
      else if (roll < 0.92)
        status = COALITION_STATUS_ALLY;
      else if (roll < 0.96)
        status = COALITION_STATUS_FORMER;
      else
        status = COALITION_STATUS_DECLINED;

      site = slug (name);
      organization = coalition_organization_new (name);
      coalition_organization_set_kind (organization, t->kind);
      coalition_organization_set_sector (organization, t->sector);
      coalition_organization_set_status (organization, status);
      if (g_rand_double (rand) < 0.8)
        {
          g_autofree char *url = g_strdup_printf ("https://%s.example.org", site);
          coalition_organization_set_website (organization, url);
        }

      describe_organization (organization, t, out->len);

      if (!coalition_store_insert_organization (store, organization, error))
        return FALSE;

      g_hash_table_add (used, g_steal_pointer (&name));
      g_ptr_array_add (out, g_steal_pointer (&organization));
    }

  return TRUE;
}

static const OrganizationTemplate *
template_for (CoalitionOrganization *organization)
{
  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    if (templates[i].kind == coalition_organization_get_kind (organization) &&
        g_str_equal (templates[i].sector, coalition_organization_get_sector (organization)))
      return &templates[i];

  return &templates[0];
}

static CoalitionPerson *
make_person (GRand                 *rand,
             GHashTable            *names_used,
             CoalitionOrganization *organization,
             CoalitionOrganization *government,
             guint                  index)
{
  const Culture *culture = NULL;
  const Name *given = NULL;
  const Name *family = NULL;
  g_autoptr(CoalitionPerson) person = coalition_person_new ();
  g_autofree char *display = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *domain = NULL;
  double roll;

  /* Namesakes happen, but not eight of them on one screen: try a few times
   * for a name not used yet. */
  for (guint attempt = 0; attempt < 8; attempt++)
    {
      g_autofree char *key = NULL;

      culture = pick_culture (rand);
      given = &culture->given[g_rand_int_range (rand, 0, culture->n_given)];
      family = &culture->family[g_rand_int_range (rand, 0, culture->n_family)];
      key = g_strconcat (given->latin, " ", family->latin, NULL);
      if (g_hash_table_add (names_used, g_steal_pointer (&key)))
        break;
    }

  roll = g_rand_double (rand);

  switch (culture->order)
    {
    case ORDER_GIVEN_FIRST:
      display = g_strdup_printf ("%s %s", given->name, family->name);
      break;
    case ORDER_FAMILY_FIRST:
      display = g_strdup_printf ("%s %s", family->name, given->name);
      break;
    case ORDER_FAMILY_JOINED:
      display = g_strdup_printf ("%s%s", family->name, given->name);
      break;
    default:
      g_assert_not_reached ();
    }

  coalition_person_set_given_name (person, given->name);
  coalition_person_set_family_name (person, family->name);
  coalition_person_set_display_name (person, display);

  if (government != NULL)
    {
      coalition_person_set_organization_id (person, coalition_organization_get_id (government));
      coalition_person_set_title (person, offices[index % G_N_ELEMENTS (offices)].title);
      coalition_person_set_status (person, COALITION_STATUS_TARGET);
      domain = g_strdup (offices[index % G_N_ELEMENTS (offices)].county ? "county.example.gov" : "city.example.gov");
    }
  else if (organization != NULL)
    {
      const OrganizationTemplate *t = template_for (organization);
      g_autofree char *org_slug = slug (coalition_organization_get_name (organization));
      guint n_titles = g_strv_length ((GStrv)t->titles);

      coalition_person_set_organization_id (person, coalition_organization_get_id (organization));
      coalition_person_set_title (person, pick (rand, t->titles, n_titles));
      coalition_person_set_status (person, coalition_organization_get_status (organization));
      domain = g_strdup_printf ("%s.example.org", org_slug);
    }
  else
    {
      /* Individuals: allies who joined on their own, and former members. */
      coalition_person_set_status (person, roll < 0.7 ? COALITION_STATUS_ALLY
                                   : roll < 0.85 ? COALITION_STATUS_MEMBER
                                   : COALITION_STATUS_FORMER);
      domain = g_strdup ("mail.example.net");
    }

  email = g_strdup_printf ("%s.%s%s@%s", given->latin, family->latin,
                           index % 7 == 0 ? "2" : "", domain);
  if (g_rand_double (rand) < 0.93)
    coalition_person_add_email (person, organization || government ? "work" : "home", email, TRUE);
  if (g_rand_double (rand) < 0.2)
    {
      g_autofree char *personal = g_strdup_printf ("%s%u@mail.example.net", given->latin,
                                                   g_rand_int_range (rand, 10, 99));
      coalition_person_add_email (person, "home", personal, FALSE);
    }

  phone = g_strdup_printf ("+1 555-01%02u-%04u", g_rand_int_range (rand, 0, 100),
                           g_rand_int_range (rand, 0, 10000));
  if (g_rand_double (rand) < 0.8)
    coalition_person_add_phone (person, "mobile", phone, TRUE);

  if (g_rand_double (rand) < 0.05)
    coalition_person_set_notes (person, "Prefers text messages. Can host meetings in the evening.");

  /* Skills and tags by position, to keep the random sequence. */
  if (index % 4 == 1)
    coalition_person_set_skills (person, person_skills[(index / 4) % G_N_ELEMENTS (person_skills)]);
  if (index % 9 == 2)
    coalition_person_set_tags (person, (const char *[]) { person_tags[(index / 9) % G_N_ELEMENTS (person_tags)], NULL });
  if (organization == NULL && government == NULL)
    {
      g_autofree char *address = g_strdup_printf ("%u %s, Apt %u, Riverside", 100 + index % 900,
                                                  streets[index % G_N_ELEMENTS (streets)], 1 + index % 40);
      coalition_person_set_address (person, address);
    }

  return g_steal_pointer (&person);
}

static const char * const next_steps[] = {
  "One-on-one with the director",
  "Invite to the next coalition meeting",
  "Send the campaign fact sheet",
  "Ask the board to endorse the platform",
  "Follow up on the sign-on letter",
  "Introduce to the housing working group",
};

static const char * const contact_notes[] = {
  "Interested; wants to see our platform first.",
  "Left a message with the front desk.",
  "Met at the community forum. Asked about dues.",
  "Board meets next month; will raise it then.",
  "Very supportive of rent stabilization.",
};

/* Plans for the organizations in the pipeline and the decision makers, with
 * a log of the contacts so far; dated around today, as in a live coalition.
 * Its own random sequence, so the records above stay the same. */
static gboolean
add_outreach (CoalitionStore  *store,
              guint32          seed,
              GPtrArray       *organizations,
              GArray          *askers,
              GError         **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0x5eed);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint planned = 0;

  if (askers->len == 0)
    return TRUE;

  for (guint i = 0; i < organizations->len && planned < 400; i++)
    {
      CoalitionOrganization *organization = organizations->pdata[i];
      CoalitionStatus status = coalition_organization_get_status (organization);
      g_autoptr(CoalitionOutreach) plan = coalition_outreach_new ();
      g_autoptr(GDateTime) next = NULL;
      guint n_contacts;

      if (status != COALITION_STATUS_PROSPECT && status != COALITION_STATUS_CONTACTED &&
          status != COALITION_STATUS_INVITED)
        continue;

      planned++;
      plan->priority = 1 + g_rand_int_range (rand, 0, 4) % 3;
      plan->asker_id = g_array_index (askers, gint64, g_rand_int_range (rand, 0, MIN (askers->len, 40)));
      g_free (plan->next_step);
      plan->next_step = g_strdup (next_steps[g_rand_int_range (rand, 0, G_N_ELEMENTS (next_steps))]);
      next = g_date_time_add_days (now, g_rand_int_range (rand, -5, 30));
      g_free (plan->next_step_date);
      plan->next_step_date = g_date_time_format (next, "%Y-%m-%d");
      coalition_organization_set_outreach (organization, plan);
      if (!coalition_store_update_organization (store, organization, error))
        return FALSE;

      n_contacts = status == COALITION_STATUS_PROSPECT ? 0 : 1 + g_rand_int_range (rand, 0, 3);
      for (guint c = 0; c < n_contacts; c++)
        {
          g_autoptr(GDateTime) when = g_date_time_add_days (now, -g_rand_int_range (rand, 3, 120));
          g_autofree char *date = g_date_time_format (when, "%Y-%m-%d");
          g_autoptr(CoalitionContact) contact =
            coalition_contact_new (date, g_rand_int_range (rand, 0, COALITION_CONTACT_KIND_LAST + 1), plan->asker_id,
                                   contact_notes[g_rand_int_range (rand, 0, G_N_ELEMENTS (contact_notes))]);

          if (!coalition_store_add_contact (store, COALITION_SUBJECT_ORGANIZATION,
                                            coalition_organization_get_id (organization), contact, error))
            return FALSE;
        }
    }

  return TRUE;
}

typedef struct
{
  const char         *name;
  CoalitionGroupKind  kind;
  const char         *description;
  guint               size;
} GroupTemplate;

static const GroupTemplate group_templates[] = {
  { "Steering Committee", COALITION_GROUP_KIND_CORE,
    "The core group: sets the agenda, rotates the facilitator, speaks for the coalition between meetings.", 7 },
  { "Policy Committee", COALITION_GROUP_KIND_COMMITTEE, "Drafts the ordinance and the sign-on letters.", 6 },
  { "Communications Committee", COALITION_GROUP_KIND_COMMITTEE, "The monthly update, press and social media.", 5 },
  { "Tenant Outreach Working Group", COALITION_GROUP_KIND_WORKING_GROUP, "Door knocking and building meetings.", 9 },
  { "Research Working Group", COALITION_GROUP_KIND_WORKING_GROUP, "Eviction data and the power map.", 4 },
};

/* Every group has its officers, the rest are members; nobody twice. */
static gboolean
add_groups (CoalitionStore  *store,
            GRand           *rand,
            GArray          *candidates,
            GError         **error)
{
  const CoalitionRole officers[] = {
    COALITION_ROLE_CHAIR, COALITION_ROLE_FACILITATOR, COALITION_ROLE_NOTE_TAKER, COALITION_ROLE_TREASURER,
  };

  for (guint g = 0; g < G_N_ELEMENTS (group_templates); g++)
    {
      const GroupTemplate *t = &group_templates[g];
      g_autoptr(CoalitionGroup) group = coalition_group_new (t->name, t->kind);
      g_autoptr(GHashTable) chosen = g_hash_table_new (g_int64_hash, g_int64_equal);
      guint size = MIN (t->size, candidates->len);

      coalition_group_set_description (group, t->description);
      if (!coalition_store_insert_group (store, group, error))
        return FALSE;

      for (guint m = 0; m < size && g_hash_table_size (chosen) < candidates->len; )
        {
          gint64 *id = &g_array_index (candidates, gint64, g_rand_int_range (rand, 0, candidates->len));
          CoalitionRole role;

          if (g_hash_table_contains (chosen, id))
            continue;
          g_hash_table_add (chosen, id);

          /* Committees and working groups have a chair and members only. */
          if (t->kind == COALITION_GROUP_KIND_CORE)
            role = m < G_N_ELEMENTS (officers) ? officers[m] : COALITION_ROLE_MEMBER;
          else
            role = m == 0 ? COALITION_ROLE_CHAIR : COALITION_ROLE_MEMBER;

          if (!coalition_store_set_membership (store, coalition_group_get_id (group), *id, role, error))
            return FALSE;
          m++;
        }
    }

  return TRUE;
}

#define DEMO_ZONE "America/Los_Angeles"

static const char * const decision_texts[] = {
  "Endorse the rent stabilization ordinance as drafted by the Policy Committee",
  "Hold the tenant assembly at the Riverside Community Center",
  "Send the sign-on letter to the city council by the end of the month",
  "Ask member organizations for one volunteer each for the canvass",
  "Adopt the eviction data report as the coalition's own",
  "Invite the council member's housing aide to the next general meeting",
};

static const char * const action_texts[] = {
  "Book the hall for the tenant assembly",
  "Draft the sign-on letter and circulate it to member organizations",
  "Call the three organizations that missed the last two meetings",
  "Update the power map after the hearing",
  "Send the monthly update to all members",
  "Collect eviction data from the legal aid clinics",
  "Ask the faith congregations to announce the assembly",
  "Prepare the testimony for the rent board hearing",
};

static const char * const item_notes[] = {
  "Two new member organizations introduced themselves.",
  "Most open items were done; the rest carried to next month.",
  "The outreach working group knocked on 340 doors in October.",
  "Long discussion of the ordinance's exemptions; no agreement on small landlords yet.",
  "",
  "",
};

/* The people of a group, by id. */
static GArray *
group_people (CoalitionStore *store,
              const char     *name)
{
  g_autoptr(GPtrArray) groups = coalition_store_list_groups (store, NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint g = 0; groups != NULL && g < groups->len; g++)
    if (g_str_equal (coalition_group_get_name (groups->pdata[g]), name))
      {
        g_autoptr(GPtrArray) members = coalition_store_list_group_members (store, coalition_group_get_id (groups->pdata[g]), NULL);

        for (guint i = 0; members != NULL && i < members->len; i++)
          g_array_append_val (ids, ((CoalitionMembership *)members->pdata[i])->person_id);
        g_array_prepend_val (ids, (gint64) { coalition_group_get_id (groups->pdata[g]) });
        return ids;
      }
  g_array_append_val (ids, (gint64) { 0 });
  return ids;
}

/* What happened at a meeting that took place: its agenda with notes, who
 * came (one member organization drifting away), decisions of both kinds,
 * action items (those of earlier meetings done, the latest still open). */
static gboolean
hold_meeting (CoalitionStore   *store,
              GRand            *rand,
              CoalitionMeeting *meeting,
              GArray           *core,
              guint             index,
              gboolean          latest,
              gint64            drifting_organization,
              gboolean          drifted,
              GError          **error)
{
  gint64 id = coalition_meeting_get_id (meeting);
  g_autoptr(GPtrArray) agenda = coalition_agenda_standard_template ();
  g_autoptr(GPtrArray) attendance = NULL;
  g_autoptr(CoalitionDecision) consensus = NULL;
  g_autoptr(CoalitionDecision) vote = NULL;

  for (guint i = 0; i < agenda->len; i++)
    coalition_agenda_item_set_notes (agenda->pdata[i], item_notes[(i + index) % G_N_ELEMENTS (item_notes)]);
  if (!coalition_store_set_agenda (store, id, agenda, error) ||
      !coalition_store_invite_group (store, id, coalition_meeting_get_group_id (meeting), NULL, error))
    return FALSE;

  attendance = coalition_store_list_attendance (store, id, error);
  if (attendance == NULL)
    return FALSE;
  for (guint i = 0; i < attendance->len; i++)
    {
      const CoalitionAttendee *a = attendance->pdata[i];
      double roll = g_rand_double (rand);
      CoalitionAttendance status = roll < 0.78 ? COALITION_ATTENDANCE_PRESENT
                                   : roll < 0.9 ? COALITION_ATTENDANCE_EXCUSED : COALITION_ATTENDANCE_ABSENT;

      if (a->organization_id == drifting_organization && drifting_organization != 0)
        status = drifted ? COALITION_ATTENDANCE_ABSENT : COALITION_ATTENDANCE_PRESENT;
      if (!coalition_store_set_attendance (store, id, a->person_id, status, error))
        return FALSE;
    }

  consensus = coalition_decision_new (decision_texts[index % G_N_ELEMENTS (decision_texts)],
                                      COALITION_DECISION_METHOD_CONSENSUS);
  consensus->item_id = coalition_agenda_item_get_id (agenda->pdata[4]);
  if (index % 3 == 1 && attendance->len > 0)
    {
      g_free (consensus->stand_asides);
      consensus->stand_asides = g_strdup (((CoalitionAttendee *)attendance->pdata[0])->name);
    }
  if (!coalition_store_add_decision (store, id, consensus, error))
    return FALSE;
  if (index % 2 == 0)
    {
      vote = coalition_decision_new (decision_texts[(index + 3) % G_N_ELEMENTS (decision_texts)],
                                     COALITION_DECISION_METHOD_VOTE);
      vote->item_id = coalition_agenda_item_get_id (agenda->pdata[4]);
      vote->votes_for = 14 + g_rand_int_range (rand, 0, 8);
      vote->votes_against = g_rand_int_range (rand, 0, 4);
      vote->votes_abstain = g_rand_int_range (rand, 0, 3);
      vote->by_organization = TRUE;
      if (!coalition_store_add_decision (store, id, vote, error))
        return FALSE;
    }

  for (guint k = 0; k < 2; k++)
    {
      g_autoptr(CoalitionActionItem) action = coalition_action_item_new ();
      g_autoptr(GDateTime) due = g_date_time_add_days (coalition_meeting_get_start (meeting), 14 + 7 * k);
      g_autofree char *due_text = g_date_time_format (due, "%Y-%m-%d");

      coalition_action_item_set_meeting_id (action, id);
      coalition_action_item_set_item_id (action, coalition_agenda_item_get_id (agenda->pdata[5]));
      coalition_action_item_set_title (action, action_texts[(2 * index + k) % G_N_ELEMENTS (action_texts)]);
      if (core->len > 1)
        coalition_action_item_set_owner_id (action, g_array_index (core, gint64, 1 + (index + k) % (core->len - 1)));
      coalition_action_item_set_due (action, due_text);
      if (!coalition_store_add_action (store, action, error))
        return FALSE;
      /* Earlier items were done by the next meeting; one was dropped. */
      if (!latest && !coalition_store_set_action_status (store, coalition_action_item_get_id (action),
                                                         index == 2 && k == 1 ? COALITION_ACTION_STATUS_DROPPED
                                                                              : COALITION_ACTION_STATUS_DONE,
                                                         error))
        return FALSE;
    }

  coalition_meeting_set_status (meeting, COALITION_MEETING_STATUS_HELD);
  return coalition_store_update_meeting (store, meeting, error);
}

/* A year of the coalition's life: the monthly general meeting (second
 * Tuesday, one cancelled, one moved), and the outreach working group every
 * four weeks, dated around today. */
static gboolean
add_meetings (CoalitionStore  *store,
              guint32          seed,
              GError         **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0x3ee7);
  g_autoptr(GTimeZone) tz = coalition_zone_new (DEMO_ZONE);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) first_end = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GArray) core = group_people (store, "Steering Committee");
  g_autoptr(GArray) outreach = group_people (store, "Tenant Outreach Working Group");
  g_autoptr(CoalitionMeeting) general = coalition_meeting_new ();
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GPtrArray) organizations = NULL;
  g_autofree char *until_text = NULL;
  CoalitionSeriesRule monthly = { COALITION_REPEAT_MONTHLY_WEEKDAY, 1, 2, G_DATE_TUESDAY, NULL };
  CoalitionSeriesRule every_four_weeks = { COALITION_REPEAT_WEEKLY, 4, 0, G_DATE_BAD_WEEKDAY, NULL };
  gint64 drifting = 0;
  guint n_past = 0, held = 0;
  gboolean next_prepared = FALSE;
  guint n_general_past = 0;
  int year, month;

  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  now = g_date_time_new_now (tz);
  until = g_date_time_add_days (now, 75);
  until_text = g_date_time_format (until, "%Y-%m-%d");
  monthly.until = every_four_weeks.until = until_text;

  /* The first: the second Tuesday of the month, eleven months ago. */
  {
    g_autoptr(GDateTime) back = g_date_time_add_months (now, -11);
    GDateWeekday weekday;
    int day;

    g_date_time_get_ymd (back, &year, &month, NULL);
    {
      g_autoptr(GDate) first_day = g_date_new_dmy (1, month, year);
      weekday = g_date_get_weekday (first_day);
    }
    day = 1 + (G_DATE_TUESDAY - weekday + 7) % 7 + 7;
    first = g_date_time_new (tz, year, month, day, 18, 30, 0);
  }
  first_end = g_date_time_add_minutes (first, 120);

  coalition_meeting_set_title (general, "General Meeting");
  coalition_meeting_set_start (general, first);
  coalition_meeting_set_end (general, first_end);
  coalition_meeting_set_zone (general, g_time_zone_get_identifier (tz));
  coalition_meeting_set_location (general, "Riverside Community Center, 3900 Main Street");
  coalition_meeting_set_url (general, "https://meet.example.org/riverside-coalition");
  if (core->len > 3)
    {
      coalition_meeting_set_facilitator_id (general, g_array_index (core, gint64, 2));
      coalition_meeting_set_note_taker_id (general, g_array_index (core, gint64, 3));
    }
  if (!coalition_store_insert_meeting (store, general, error) ||
      !coalition_store_create_series (store, general, &monthly, NULL, error))
    return FALSE;

  if (outreach->len > 1)
    {
      g_autoptr(CoalitionMeeting) wg = coalition_meeting_new ();
      g_autoptr(GDateTime) wg_start = g_date_time_add_days (first, 9);
      g_autoptr(GDateTime) wg_end = g_date_time_add_minutes (wg_start, 60);

      coalition_meeting_set_title (wg, "Tenant Outreach Working Group");
      coalition_meeting_set_start (wg, wg_start);
      coalition_meeting_set_end (wg, wg_end);
      coalition_meeting_set_zone (wg, g_time_zone_get_identifier (tz));
      coalition_meeting_set_location (wg, "Eastside Tenants Union office");
      coalition_meeting_set_group_id (wg, g_array_index (outreach, gint64, 0));
      if (!coalition_store_insert_meeting (store, wg, error) ||
          !coalition_store_create_series (store, wg, &every_four_weeks, NULL, error))
        return FALSE;
    }

  /* One member organization comes less and less. */
  organizations = coalition_store_list_organizations (store, error);
  if (organizations == NULL)
    return FALSE;
  for (guint i = 0; i < organizations->len && drifting == 0; i++)
    if (coalition_organization_get_status (organizations->pdata[i]) == COALITION_STATUS_MEMBER &&
        coalition_organization_get_n_people (organizations->pdata[i]) > 0)
      drifting = coalition_organization_get_id (organizations->pdata[i]);

  meetings = coalition_store_list_meetings (store, error);
  if (meetings == NULL)
    return FALSE;
  for (guint i = 0; i < meetings->len; i++)
    if (g_date_time_compare (coalition_meeting_get_start (meetings->pdata[i]), now) < 0)
      {
        n_past++;
        if (coalition_meeting_get_group_id (meetings->pdata[i]) == 0)
          n_general_past++;
      }

  for (guint i = 0, general_index = 0; i < meetings->len; i++)
    {
      CoalitionMeeting *meeting = meetings->pdata[i];
      gboolean is_general = coalition_meeting_get_group_id (meeting) == 0;
      gboolean past = g_date_time_compare (coalition_meeting_get_start (meeting), now) < 0;

      if (is_general)
        general_index++;

      /* The fourth general meeting was cancelled (the hall flooded), the
       * seventh moved to the Thursday. */
      if (is_general && general_index == 4)
        {
          coalition_meeting_set_status (meeting, COALITION_MEETING_STATUS_CANCELLED);
          if (!coalition_store_update_meeting (store, meeting, error))
            return FALSE;
          continue;
        }
      if (is_general && general_index == 7)
        {
          g_autoptr(GDateTime) moved = g_date_time_add_days (coalition_meeting_get_start (meeting), 2);
          g_autoptr(GDateTime) moved_end = g_date_time_add_days (coalition_meeting_get_end (meeting), 2);

          coalition_meeting_set_start (meeting, moved);
          coalition_meeting_set_end (meeting, moved_end);
          if (!coalition_store_update_meeting (store, meeting, error))
            return FALSE;
          past = g_date_time_compare (moved, now) < 0;
        }

      /* The next general meeting has its agenda ready. */
      if (!past && is_general && !next_prepared)
        {
          g_autoptr(GPtrArray) agenda = coalition_agenda_standard_template ();

          next_prepared = TRUE;
          if (!coalition_store_set_agenda (store, coalition_meeting_get_id (meeting), agenda, error) ||
              !coalition_store_invite_group (store, coalition_meeting_get_id (meeting), 0, NULL, error))
            return FALSE;
        }

      if (past)
        {
          held++;
          /* The drifting organization missed the last three general meetings
           * (the fourth was cancelled, so it counts among the past). */
          if (!hold_meeting (store, rand, meeting, core, held, held >= n_past - 1, is_general ? drifting : 0,
                             is_general && general_index + 3 > n_general_past, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Power maps */

/* Where a node of a power map comes from. */
typedef enum
{
  FROM_OFFICE,      /* the official with that title */
  FROM_MEMBER_ORG,  /* a member organization of that sector, else an ally of it, else any member */
  FROM_OTHER_ORG,   /* an organization of that sector that is not a member */
  FROM_GROUP,       /* someone in that group */
  FROM_STAFF_OF,    /* someone of the organization placed as that node */
  FROM_ALLY,        /* an ally who came on their own */
} NodeSource;

typedef struct
{
  const char *key;
  NodeSource  source;
  const char *which;
  int         stance;
  int         influence;
  int         days_ago;   /* when placed, give or take two weeks earlier */
} NodeSpec;

typedef struct
{
  const char                *from;
  const char                *to;
  CoalitionRelationshipKind  kind;
  int                        strength;
  gboolean                   directed;
  const char                *note;
} LinkSpec;

/* In the order they happened. */
typedef struct
{
  const char *key;
  int         days_ago;
  int         stance;
  int         influence;
  const char *note;
} MoveSpec;

typedef struct
{
  const char     *title;
  const char     *decision;
  const NodeSpec *nodes;
  guint           n_nodes;
  const LinkSpec *links;
  guint           n_links;
  const MoveSpec *moves;
  guint           n_moves;
} MapSpec;

#define INFLUENCES COALITION_RELATIONSHIP_INFLUENCES
#define WORKS_FOR COALITION_RELATIONSHIP_WORKS_FOR
#define MEMBER_OF COALITION_RELATIONSHIP_MEMBER_OF
#define FUNDS COALITION_RELATIONSHIP_FUNDS
#define ADVISES COALITION_RELATIONSHIP_ADVISES
#define SERVES_WITH COALITION_RELATIONSHIP_SERVES_WITH
#define FAMILY_OR_FRIEND COALITION_RELATIONSHIP_FAMILY_OR_FRIEND
#define KNOWS COALITION_RELATIONSHIP_KNOWS

/* The council votes on the ordinance; the mayor can veto it. */
static const NodeSpec rent_nodes[] = {
  { "mayor", FROM_OFFICE, "Mayor", -1, 4, 340 },
  { "cm1", FROM_OFFICE, "Council Member, District 1", -2, 4, 340 },
  { "cm2", FROM_OFFICE, "Council Member, District 2", 0, 4, 340 },
  { "cm3", FROM_OFFICE, "Council Member, District 3", -1, 4, 340 },
  { "cm4", FROM_OFFICE, "Council Member, District 4", 1, 4, 340 },
  { "cm5", FROM_OFFICE, "Council Member, District 5", 1, 4, 340 },
  { "president", FROM_OFFICE, "Council President", 0, 4, 340 },
  { "housing", FROM_OFFICE, "Director, Department of Housing", 0, 3, 330 },
  { "deputy", FROM_OFFICE, "Deputy Director, Department of Housing", 1, 2, 330 },
  { "mayor-staff", FROM_OFFICE, "Chief of Staff to the Mayor", -1, 3, 330 },
  { "commissioner", FROM_OFFICE, "Commissioner, Rent Stabilization Board", 1, 2, 320 },
  { "cm3-staff", FROM_OFFICE, "Chief of Staff, Council District 3", 0, 2, 190 },
  { "cm5-aide", FROM_OFFICE, "Legislative Aide, Council District 5", 2, 1, 210 },
  { "tenants", FROM_MEMBER_ORG, "Housing", 2, 2, 350 },
  { "tenants-2", FROM_MEMBER_ORG, "Housing", 2, 1, 350 },
  { "faith", FROM_MEMBER_ORG, "Faith", 2, 1, 345 },
  { "legal", FROM_MEMBER_ORG, "Legal services", 2, 2, 345 },
  { "clinic", FROM_MEMBER_ORG, "Health", 1, 1, 300 },
  { "youth", FROM_MEMBER_ORG, "Youth", 2, 1, 250 },
  { "organizer", FROM_STAFF_OF, "tenants", 2, 1, 345 },
  { "congregant", FROM_STAFF_OF, "faith", 2, 0, 300 },
  { "chair", FROM_GROUP, "Steering Committee", 2, 1, 350 },
  { "drafter", FROM_GROUP, "Policy Committee", 2, 1, 340 },
  { "researcher", FROM_GROUP, "Research Working Group", 2, 0, 280 },
  { "merchants", FROM_OTHER_ORG, "Small business", -1, 2, 330 },
  { "radio", FROM_OTHER_ORG, "Media", 0, 1, 300 },
  { "neighbour", FROM_ALLY, NULL, 1, 1, 320 },
  { "retired-judge", FROM_ALLY, NULL, 2, 1, 260 },
  { "blogger", FROM_ALLY, NULL, 1, 0, 200 },
};

static const LinkSpec rent_links[] = {
  { "tenants", "cm3-staff", KNOWS, 3, TRUE, "Organized together before the election" },
  { "cm3-staff", "cm3", WORKS_FOR, 3, TRUE, "" },
  { "cm5-aide", "cm5", WORKS_FOR, 3, TRUE, "" },
  { "mayor-staff", "mayor", WORKS_FOR, 3, TRUE, "Screens the mayor’s meetings" },
  { "deputy", "housing", WORKS_FOR, 2, TRUE, "" },
  { "housing", "mayor", ADVISES, 2, TRUE, "" },
  { "commissioner", "president", ADVISES, 1, TRUE, "" },
  { "organizer", "tenants", WORKS_FOR, 3, TRUE, "" },
  { "congregant", "faith", MEMBER_OF, 2, TRUE, "" },
  { "congregant", "cm2", FAMILY_OR_FRIEND, 2, FALSE, "Same block club for years" },
  { "faith", "cm2", INFLUENCES, 2, TRUE, "Largest congregation in District 2" },
  { "legal", "commissioner", KNOWS, 2, TRUE, "Argues cases before the board" },
  { "chair", "cm5-aide", KNOWS, 2, TRUE, "Former classmates" },
  { "drafter", "cm4", ADVISES, 2, TRUE, "Drafted the ordinance language with the office" },
  { "cm4", "president", SERVES_WITH, 2, FALSE, "Housing committee" },
  { "cm1", "cm2", SERVES_WITH, 1, FALSE, "" },
  { "merchants", "cm1", FUNDS, 3, TRUE, "Largest donor in the last campaign" },
  { "merchants", "mayor", FUNDS, 2, TRUE, "" },
  { "radio", "mayor", INFLUENCES, 1, TRUE, "Monthly call-in show" },
  { "researcher", "housing", KNOWS, 1, TRUE, "Shared the eviction data" },
  { "youth", "cm5", INFLUENCES, 1, TRUE, "Youth town hall in District 5" },
  { "tenants-2", "cm1", INFLUENCES, 1, TRUE, "Members in District 1 buildings" },
  { "clinic", "housing", KNOWS, 1, TRUE, "" },
  { "neighbour", "cm4", FAMILY_OR_FRIEND, 3, FALSE, "Neighbours for twenty years" },
  { "retired-judge", "president", KNOWS, 2, TRUE, "" },
  { "blogger", "radio", KNOWS, 2, TRUE, "" },
  { "organizer", "cm3", KNOWS, 1, TRUE, "Door-knocked the district together" },
};

static const MoveSpec rent_moves[] = {
  { "merchants", 300, -2, 2, "Signed the landlords’ letter against the ordinance" },
  { "cm3", 270, 0, 4, "Met with the housing working group" },
  { "tenants", 240, 2, 3, "Brought 200 tenants to the budget hearing" },
  { "housing", 210, 1, 3, "Released the displacement report" },
  { "cm5", 180, 2, 4, "Co-sponsored the tenant protections study" },
  { "cm3", 150, 1, 4, "Voted for the tenant protections study" },
  { "cm2", 150, -1, 4, "Voted against the tenant protections study" },
  { "mayor", 120, 0, 4, "Said at the town hall there would be no veto" },
  { "mayor-staff", 90, 0, 3, "Asked for the eviction data" },
  { "president", 75, 1, 4, "Scheduled the first reading" },
  { "radio", 60, 1, 1, "Ran a week of tenant stories" },
  { "cm3-staff", 45, 1, 3, "Set up a meeting with the Policy Committee" },
  { "cm4", 30, 2, 4, "Spoke at the tenant assembly" },
  { "clinic", 20, 2, 1, "Endorsed the ordinance" },
  { "cm2", 10, 0, 4, "Asked for an exemption for small landlords" },
};

/* The Board of Supervisors adopts the county budget. */
static const NodeSpec clinic_nodes[] = {
  { "chair", FROM_OFFICE, "Chair, County Board of Supervisors", -1, 4, 330 },
  { "sup2", FROM_OFFICE, "County Supervisor, District 2", 0, 4, 330 },
  { "sup4", FROM_OFFICE, "County Supervisor, District 4", -1, 4, 330 },
  { "health", FROM_OFFICE, "Director, County Health Services", 1, 3, 330 },
  { "sup2-staff", FROM_OFFICE, "Chief of Staff to Supervisor, District 2", 0, 2, 300 },
  { "mayor", FROM_OFFICE, "Mayor", 0, 2, 300 },
  { "senator", FROM_OFFICE, "State Senator", 1, 2, 300 },
  { "clinic", FROM_MEMBER_ORG, "Health", 2, 2, 345 },
  { "food", FROM_MEMBER_ORG, "Food security", 2, 1, 340 },
  { "faith", FROM_MEMBER_ORG, "Faith", 2, 1, 340 },
  { "union", FROM_MEMBER_ORG, "Labor", 2, 2, 320 },
  { "university", FROM_MEMBER_ORG, "Education", 1, 1, 300 },
  { "tenants", FROM_MEMBER_ORG, "Housing", 2, 1, 300 },
  { "nurse", FROM_STAFF_OF, "clinic", 2, 1, 345 },
  { "steward", FROM_STAFF_OF, "union", 2, 1, 320 },
  { "chair-coalition", FROM_GROUP, "Steering Committee", 2, 1, 340 },
  { "researcher", FROM_GROUP, "Research Working Group", 2, 0, 280 },
  { "press", FROM_GROUP, "Communications Committee", 2, 0, 250 },
  { "merchants", FROM_OTHER_ORG, "Small business", 0, 1, 320 },
  { "radio", FROM_OTHER_ORG, "Media", 0, 1, 300 },
  { "patient", FROM_ALLY, NULL, 2, 0, 310 },
  { "doctor", FROM_ALLY, NULL, 1, 1, 260 },
  { "cousin", FROM_ALLY, NULL, 1, 0, 200 },
};

static const LinkSpec clinic_links[] = {
  { "clinic", "health", INFLUENCES, 2, TRUE, "Runs the county’s contract for uninsured patients" },
  { "health", "chair", ADVISES, 3, TRUE, "" },
  { "sup2-staff", "sup2", WORKS_FOR, 3, TRUE, "" },
  { "nurse", "clinic", WORKS_FOR, 3, TRUE, "" },
  { "nurse", "sup2-staff", FAMILY_OR_FRIEND, 3, FALSE, "Cousins" },
  { "steward", "union", MEMBER_OF, 3, TRUE, "" },
  { "union", "sup4", FUNDS, 2, TRUE, "Endorsed in the last election" },
  { "faith", "sup4", INFLUENCES, 2, TRUE, "The supervisor’s own congregation" },
  { "chair", "sup2", SERVES_WITH, 1, FALSE, "" },
  { "sup2", "sup4", SERVES_WITH, 2, FALSE, "Budget committee" },
  { "senator", "chair", INFLUENCES, 2, TRUE, "Secured the state match for the county" },
  { "mayor", "chair", KNOWS, 1, FALSE, "" },
  { "university", "health", ADVISES, 1, TRUE, "Published the clinic’s outcomes study" },
  { "food", "clinic", KNOWS, 2, FALSE, "Share the building" },
  { "tenants", "mayor", INFLUENCES, 1, TRUE, "" },
  { "chair-coalition", "senator", KNOWS, 2, TRUE, "Volunteered on the campaign" },
  { "researcher", "university", KNOWS, 2, TRUE, "" },
  { "press", "radio", KNOWS, 3, TRUE, "A guest every week" },
  { "radio", "chair", INFLUENCES, 1, TRUE, "" },
  { "merchants", "chair", FUNDS, 2, TRUE, "" },
  { "patient", "sup4", FAMILY_OR_FRIEND, 2, FALSE, "" },
  { "doctor", "health", KNOWS, 1, TRUE, "Trained together" },
  { "cousin", "steward", KNOWS, 1, FALSE, "" },
};

static const MoveSpec clinic_moves[] = {
  { "health", 280, 2, 3, "Testified that the clinic sees 9,000 patients a year" },
  { "sup2", 240, 1, 4, "Toured the clinic with the nurses" },
  { "chair", 200, -2, 4, "Proposed closing the clinic to balance the budget" },
  { "union", 150, 2, 3, "Turned out 150 members to the budget hearing" },
  { "sup2-staff", 120, 1, 3, "Asked for the patient numbers by zip code" },
  { "sup4", 90, 0, 4, "Met with the faith leaders" },
  { "chair", 60, -1, 4, "Open to a one-year restoration" },
  { "sup2", 30, 2, 4, "Voted for the clinic amendment in committee" },
  { "radio", 14, 1, 1, "Aired the nurses’ call-in show" },
};

#undef INFLUENCES
#undef WORKS_FOR
#undef MEMBER_OF
#undef FUNDS
#undef ADVISES
#undef SERVES_WITH
#undef FAMILY_OR_FRIEND
#undef KNOWS

#define MAP_SPEC(title, decision, prefix) \
  { title, decision, prefix##_nodes, G_N_ELEMENTS (prefix##_nodes), prefix##_links, G_N_ELEMENTS (prefix##_links), \
    prefix##_moves, G_N_ELEMENTS (prefix##_moves) }

static const MapSpec map_specs[] = {
  MAP_SPEC ("Rent Stabilization Ordinance", "City Council passes the rent stabilization ordinance by June", rent),
  MAP_SPEC ("Eastside Clinic Funding", "County Board restores the clinic’s funding in the budget", clinic),
};

#undef MAP_SPEC

/* Who can be put on a map. */
typedef struct
{
  GHashTable *officials;      /* title → person id */
  GPtrArray  *organizations;  /* CoalitionOrganization */
  GPtrArray  *staff;          /* CoalitionPerson, members and allies with an organization */
  GPtrArray  *allies;         /* CoalitionPerson, allies without one */
} MapPools;

/* A placed node: what it is in the directory, and its id on the map. */
typedef struct
{
  gint64 person_id;
  gint64 organization_id;
  gint64 node_id;
} Placed;

static char *
days_ago (GDateTime *now,
          int        days)
{
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static gboolean
already_on (GHashTable *placed,
            gint64      person_id,
            gint64      organization_id)
{
  GHashTableIter iter;
  Placed *p;

  g_hash_table_iter_init (&iter, placed);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&p))
    if ((person_id > 0 && p->person_id == person_id) || (organization_id > 0 && p->organization_id == organization_id))
      return TRUE;
  return FALSE;
}

/* Whether @organization is what @spec asks for, at the @pass-th try. */
static gboolean
organization_fits (CoalitionOrganization *organization,
                   const NodeSpec        *spec,
                   guint                  pass)
{
  CoalitionStatus status = coalition_organization_get_status (organization);
  gboolean same_sector = g_strcmp0 (coalition_organization_get_sector (organization), spec->which) == 0;

  if (coalition_organization_get_kind (organization) == COALITION_ORGANIZATION_KIND_GOVERNMENT)
    return FALSE;
  if (spec->source == FROM_OTHER_ORG)
    return status != COALITION_STATUS_MEMBER && (same_sector || pass > 0);
  switch (pass)
    {
    case 0: return status == COALITION_STATUS_MEMBER && same_sector;
    case 1: return status == COALITION_STATUS_ALLY && same_sector;
    default: return status == COALITION_STATUS_MEMBER;
    }
}

/* Finds who @spec names, not on the map yet; each pick starts at a place
 * drawn from @rand, so the seed decides who is chosen. FALSE when there
 * is nobody to choose. */
static gboolean
choose (CoalitionStore *store,
        MapPools       *pools,
        GRand          *rand,
        const NodeSpec *spec,
        GHashTable     *placed,
        gint64         *person_id,
        gint64         *organization_id)
{
  g_autoptr(GArray) group = NULL;
  GPtrArray *people = spec->source == FROM_ALLY ? pools->allies : pools->staff;
  guint start;

  *person_id = *organization_id = 0;
  switch (spec->source)
    {
    case FROM_OFFICE:
      {
        gint64 *id = g_hash_table_lookup (pools->officials, spec->which);

        if (id == NULL || already_on (placed, *id, 0))
          return FALSE;
        *person_id = *id;
        return TRUE;
      }

    case FROM_MEMBER_ORG:
    case FROM_OTHER_ORG:
      if (pools->organizations->len == 0)
        return FALSE;
      start = g_rand_int_range (rand, 0, pools->organizations->len);
      for (guint pass = 0; pass < 3; pass++)
        for (guint i = 0; i < pools->organizations->len; i++)
          {
            CoalitionOrganization *organization = pools->organizations->pdata[(start + i) % pools->organizations->len];
            gint64 id = coalition_organization_get_id (organization);

            if (organization_fits (organization, spec, pass) && !already_on (placed, 0, id))
              {
                *organization_id = id;
                return TRUE;
              }
          }
      return FALSE;

    case FROM_GROUP:
      /* The group's id first, then its people. */
      group = group_people (store, spec->which);
      if (group->len < 2)
        return FALSE;
      start = g_rand_int_range (rand, 1, group->len);
      for (guint i = 0; i < group->len - 1; i++)
        {
          gint64 id = g_array_index (group, gint64, 1 + (start - 1 + i) % (group->len - 1));

          if (!already_on (placed, id, 0))
            {
              *person_id = id;
              return TRUE;
            }
        }
      return FALSE;

    case FROM_STAFF_OF:
    case FROM_ALLY:
      {
        Placed *of = spec->source == FROM_STAFF_OF ? g_hash_table_lookup (placed, spec->which) : NULL;

        if ((spec->source == FROM_STAFF_OF && of == NULL) || people->len == 0)
          return FALSE;
        start = g_rand_int_range (rand, 0, people->len);
        for (guint i = 0; i < people->len; i++)
          {
            CoalitionPerson *person = people->pdata[(start + i) % people->len];
            gint64 id = coalition_person_get_id (person);

            if (of != NULL && coalition_person_get_organization_id (person) != of->organization_id)
              continue;
            if (!already_on (placed, id, 0))
              {
                *person_id = id;
                return TRUE;
              }
          }
        return FALSE;
      }

    default:
      g_assert_not_reached ();
    }
}

static gboolean
add_power_map (CoalitionStore  *store,
               const MapSpec   *spec,
               MapPools        *pools,
               GRand           *rand,
               GDateTime       *now,
               GError         **error)
{
  g_autoptr(GHashTable) placed = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  gint64 map_id;

  /* A coalition too small to have these officials has no such campaign. */
  for (guint i = 0; i < spec->n_nodes; i++)
    if (spec->nodes[i].source == FROM_OFFICE && !g_hash_table_contains (pools->officials, spec->nodes[i].which))
      return TRUE;

  map_id = coalition_store_create_map (store, spec->title, spec->decision, error);
  if (map_id == 0)
    return FALSE;

  for (guint i = 0; i < spec->n_nodes; i++)
    {
      const NodeSpec *n = &spec->nodes[i];
      g_autofree char *date = days_ago (now, n->days_ago + g_rand_int_range (rand, 0, 15));
      Placed *p = g_new0 (Placed, 1);

      if (!choose (store, pools, rand, n, placed, &p->person_id, &p->organization_id))
        {
          g_free (p);
          continue;
        }
      p->node_id = coalition_store_add_map_node (store, map_id, p->person_id, p->organization_id,
                                                 n->stance, n->influence, date, error);
      g_hash_table_insert (placed, (gpointer)n->key, p);
      if (p->node_id == 0)
        return FALSE;
    }

  for (guint i = 0; i < spec->n_links; i++)
    {
      const LinkSpec *l = &spec->links[i];
      Placed *from = g_hash_table_lookup (placed, l->from);
      Placed *to = g_hash_table_lookup (placed, l->to);
      g_autoptr(CoalitionMapEdge) edge = NULL;

      if (from == NULL || to == NULL)
        continue;
      edge = coalition_map_edge_new (from->node_id, to->node_id, l->kind);
      edge->strength = l->strength;
      edge->directed = l->directed;
      g_free (edge->note);
      edge->note = g_strdup (l->note);
      if (!coalition_store_add_map_edge (store, edge, error))
        return FALSE;
    }

  for (guint i = 0; i < spec->n_moves; i++)
    {
      const MoveSpec *m = &spec->moves[i];
      Placed *p = g_hash_table_lookup (placed, m->key);
      g_autofree char *date = days_ago (now, m->days_ago);

      if (p != NULL && !coalition_store_move_map_node (store, p->node_id, m->stance, m->influence, date, m->note, error))
        return FALSE;
    }

  return TRUE;
}

/* Two campaigns of the coalition mapped over the last year: who decides,
 * who can reach them, and how they moved. Their own random sequence, so
 * the records above stay the same. */
static gboolean
add_power_maps (CoalitionStore  *store,
                guint32          seed,
                GHashTable      *officials,
                GError         **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0x9a95);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) organizations = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) allies = NULL;
  g_autoptr(GArray) member_ids = NULL;
  g_autoptr(GArray) ally_ids = NULL;
  MapPools pools = { officials, NULL, NULL, NULL };

  organizations = coalition_store_list_organizations (store, error);
  if (organizations == NULL)
    return FALSE;
  member_ids = coalition_store_find_people_with_status (store, NULL, COALITION_STATUS_MEMBER, error);
  if (member_ids == NULL)
    return FALSE;
  staff = coalition_store_get_people (store, (gint64 *)member_ids->data, member_ids->len, error);
  if (staff == NULL)
    return FALSE;
  ally_ids = coalition_store_find_people_with_status (store, NULL, COALITION_STATUS_ALLY, error);
  if (ally_ids == NULL)
    return FALSE;
  allies = coalition_store_get_people (store, (gint64 *)ally_ids->data, ally_ids->len, error);
  if (allies == NULL)
    return FALSE;

  /* The people of member and allied organizations; allies who came on
   * their own. */
  for (guint i = staff->len; i > 0; i--)
    if (coalition_person_get_organization_id (staff->pdata[i - 1]) == 0)
      g_ptr_array_remove_index (staff, i - 1);
  for (guint i = allies->len; i > 0; i--)
    if (coalition_person_get_organization_id (allies->pdata[i - 1]) != 0)
      g_ptr_array_add (staff, g_ptr_array_steal_index (allies, i - 1));

  pools.organizations = organizations;
  pools.staff = staff;
  pools.allies = allies;
  for (guint i = 0; i < G_N_ELEMENTS (map_specs); i++)
    if (!add_power_map (store, &map_specs[i], &pools, rand, now, error))
      return FALSE;

  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* A campaign */

typedef struct
{
  const char              *title;
  int                      due_in_days;   /* from today; negative is past */
  CoalitionBenchmarkStatus status;
  gboolean                 by_working_group;
} BenchmarkSpec;

typedef struct
{
  const char          *title;
  CoalitionGoalTerm    term;
  const BenchmarkSpec *benchmarks;
  guint                n_benchmarks;
} GoalSpec;

static const BenchmarkSpec ordinance_benchmarks[] = {
  { "1 000 tenant signatures on the petition", -60, COALITION_BENCHMARK_MET, TRUE },
  { "A meeting with each of the seven council members", 10, COALITION_BENCHMARK_ON_TRACK, FALSE },
  { "Two hundred tenants at the public hearing", 45, COALITION_BENCHMARK_AT_RISK, TRUE },
  { "The council votes the ordinance", 180, COALITION_BENCHMARK_NOT_STARTED, FALSE },
};

static const BenchmarkSpec unions_benchmarks[] = {
  { "Tenant unions in five buildings", -20, COALITION_BENCHMARK_ON_TRACK, TRUE },
  { "Tenant unions in ten buildings", 120, COALITION_BENCHMARK_NOT_STARTED, TRUE },
};

static const BenchmarkSpec counsel_benchmarks[] = {
  { "The coalition's position paper on right to counsel", 90, COALITION_BENCHMARK_NOT_STARTED, FALSE },
  { "A sponsor on the council", 240, COALITION_BENCHMARK_NOT_STARTED, FALSE },
};

static const GoalSpec goal_specs[] = {
  { "The City Council passes rent stabilization", COALITION_GOAL_SHORT_TERM, ordinance_benchmarks,
    G_N_ELEMENTS (ordinance_benchmarks) },
  { "Tenants organized building by building", COALITION_GOAL_SHORT_TERM, unions_benchmarks,
    G_N_ELEMENTS (unions_benchmarks) },
  { "A right to counsel for every tenant facing eviction", COALITION_GOAL_LONG_TERM, counsel_benchmarks,
    G_N_ELEMENTS (counsel_benchmarks) },
};

static const char letter_body[] =
  "Dear Council President,\n\n"
  "We write as the organizations of the Riverside housing coalition: tenant unions, congregations, clinics, "
  "food banks and neighbourhood associations that together serve tens of thousands of Riverside households.\n\n"
  "Rents in our city rose by a fifth in two years. Every week our members meet families who must choose between "
  "rent and medicine, and children who change schools because their parents were evicted without cause.\n\n"
  "We ask the Council to pass the rent stabilization ordinance before the summer recess: a cap on yearly "
  "increases tied to inflation, an end to no-fault evictions, and a board that tenants and landlords can reach.\n\n"
  "We would welcome the chance to meet you and your colleagues before the hearing.";

/* The coalition's campaign for housing: its goals with benchmarks due
 * around today, two wins with their credit, and a sign-on letter that is
 * collecting signatures. */
static gboolean
add_campaign (CoalitionStore  *store,
              guint32          seed,
              GHashTable      *officials,
              GError         **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0xca3a);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) organizations = NULL;
  g_autoptr(GPtrArray) members = g_ptr_array_new ();
  g_autoptr(GPtrArray) maps = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GArray) map_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) member_people = NULL;
  g_autoptr(GArray) goal_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(CoalitionLetter) letter = NULL;
  gint64 campaign_id, working_group = 0;
  gint64 *council_president;

  organizations = coalition_store_list_organizations (store, error);
  if (organizations == NULL)
    return FALSE;
  for (guint i = 0; i < organizations->len; i++)
    if (coalition_organization_get_status (organizations->pdata[i]) == COALITION_STATUS_MEMBER)
      g_ptr_array_add (members, organizations->pdata[i]);
  /* A coalition too small to have members and a council has no campaign. */
  council_president = g_hash_table_lookup (officials, "Council President");
  if (members->len < 8 || council_president == NULL)
    return TRUE;
  member_people = coalition_store_find_people_with_status (store, NULL, COALITION_STATUS_MEMBER, error);
  if (member_people == NULL)
    return FALSE;

  campaign_id = coalition_store_create_campaign (store, "Keep Riverside Housed",
                                                 "Pass rent stabilization in Riverside by June\n"
                                                 "End no-fault evictions\n"
                                                 "Build tenant power that outlasts the campaign", error);
  if (campaign_id == 0)
    return FALSE;
  maps = coalition_store_list_maps (store, error);
  if (maps == NULL)
    return FALSE;
  for (guint i = 0; i < maps->len; i++)
    if (g_str_equal (((CoalitionPowerMap *)maps->pdata[i])->title, "Rent Stabilization Ordinance"))
      g_array_append_val (map_ids, ((CoalitionPowerMap *)maps->pdata[i])->id);
  if (!coalition_store_set_campaign_maps (store, campaign_id, map_ids, error))
    return FALSE;

  groups = coalition_store_list_groups (store, error);
  if (groups == NULL)
    return FALSE;
  for (guint i = 0; i < groups->len; i++)
    if (g_str_equal (coalition_group_get_name (groups->pdata[i]), "Tenant Outreach Working Group"))
      working_group = coalition_group_get_id (groups->pdata[i]);

  for (guint g = 0; g < G_N_ELEMENTS (goal_specs); g++)
    {
      gint64 goal_id = coalition_store_add_goal (store, campaign_id, goal_specs[g].title, goal_specs[g].term, error);

      if (goal_id == 0)
        return FALSE;
      g_array_append_val (goal_ids, goal_id);
      for (guint b = 0; b < goal_specs[g].n_benchmarks; b++)
        {
          const BenchmarkSpec *spec = &goal_specs[g].benchmarks[b];
          g_autofree char *due = days_ago (now, -spec->due_in_days);
          g_autoptr(CoalitionBenchmark) benchmark = coalition_benchmark_new (spec->title, due);

          benchmark->status = spec->status;
          if (spec->by_working_group)
            benchmark->owner_group_id = working_group;
          else if (member_people->len > 0)
            benchmark->owner_person_id = g_array_index (member_people, gint64,
                                                        g_rand_int_range (rand, 0, member_people->len));
          if (!coalition_store_add_benchmark (store, goal_id, benchmark, error))
            return FALSE;
        }
    }

  /* Two wins, and who made them happen. */
  for (guint w = 0; w < 2; w++)
    {
      g_autofree char *date = days_ago (now, w == 0 ? 40 : 12);
      g_autoptr(CoalitionWin) win = coalition_win_new (date, w == 0 ? "Two council members co-sponsor the ordinance"
                                                                    : "The eviction moratorium is extended through the winter");

      win->campaign_id = campaign_id;
      win->goal_id = g_array_index (goal_ids, gint64, w == 0 ? 0 : 1);
      g_free (win->description);
      win->description = g_strdup (w == 0 ? "After forty tenants told their stories at the district office hours."
                                          : "Tenant unions packed the housing committee on a weekday morning.");
      for (guint c = 0; c < 3; c++)
        {
          gint64 id = coalition_organization_get_id (members->pdata[(w * 3 + c * 2) % members->len]);
          g_array_append_val (win->organization_ids, id);
        }
      if (member_people->len > 0)
        g_array_append_val (win->person_ids, g_array_index (member_people, gint64,
                                                            g_rand_int_range (rand, 0, member_people->len)));
      if (!coalition_store_add_win (store, win, error))
        return FALSE;
    }

  /* The sign-on letter to the Council President, signed by most members
   * so far, each through one of its people. */
  letter = coalition_letter_new ("Letter to the City Council on rent stabilization");
  letter->campaign_id = campaign_id;
  letter->addressee_id = *council_president;
  letter->status = COALITION_LETTER_COLLECTING;
  g_free (letter->body);
  letter->body = g_strdup (letter_body);
  g_free (letter->deadline);
  letter->deadline = days_ago (now, -14);
  if (!coalition_store_add_letter (store, letter, error))
    return FALSE;
  for (guint i = 0; i < members->len * 2 / 3; i++)
    {
      CoalitionOrganization *organization = members->pdata[i];
      g_autoptr(GArray) staff = coalition_store_find_people_of_organization (store, coalition_organization_get_id (organization),
                                                                            NULL);
      g_autoptr(CoalitionPerson) signer = staff && staff->len > 0
                                          ? coalition_store_get_person (store, g_array_index (staff, gint64, 0), NULL)
                                          : NULL;
      g_autofree char *signed_by = NULL;
      g_autofree char *signed_on = days_ago (now, g_rand_int_range (rand, 1, 20));

      if (signer != NULL)
        signed_by = *coalition_person_get_title (signer)
                    ? g_strdup_printf ("%s, %s", coalition_person_get_display_name (signer),
                                       coalition_person_get_title (signer))
                    : g_strdup (coalition_person_get_display_name (signer));
      if (coalition_store_add_signatory (store, letter->id, coalition_organization_get_id (organization), 0,
                                         signed_by, signed_on, error) == 0)
        return FALSE;
    }

  return TRUE;
}

gboolean
coalition_demo_fill (CoalitionStore  *store,
                     guint            n_people,
                     guint32          seed,
                     void           (*progress) (double   fraction,
                                                 gpointer user_data),
                     gpointer         user_data,
                     GCancellable    *cancellable,
                     GError         **error)
{
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GPtrArray) organizations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CoalitionOrganization) government = NULL;
  g_autoptr(CoalitionOrganization) county = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) officials = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) names_used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_organizations, n_decision_makers, step;

  g_return_val_if_fail (COALITION_IS_STORE (store), FALSE);
  g_return_val_if_fail (n_people > 0, FALSE);

  if (coalition_store_count_people (store) > 0 || coalition_store_count_organizations (store) > 0)
    {
      g_autofree char *name = g_filename_display_name (coalition_store_get_path (store));

      g_set_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_EMPTY,
                   _("“%s” already holds a coalition. The example coalition can only be added "
                     "to an empty database; create a new one for it."), name);
      return FALSE;
    }

  rand = g_rand_new_with_seed (seed);
  /* About one organization for every sixteen people, as in coalitions where
   * each member group sends a handful of staff and volunteers. */
  n_organizations = CLAMP (n_people / 16, 3, 5000);
  n_decision_makers = MIN (G_N_ELEMENTS (offices), MAX (1, n_people / 20));
  step = MAX (1, n_people / 100);

  if (!coalition_store_begin (store, error))
    return FALSE;
  if (!coalition_store_begin_bulk (store, &local_error))
    goto out;

  if (!coalition_store_set_setting (store, "coalition-name", "Riverside Housing Justice Coalition", &local_error))
    goto out;

  government = coalition_organization_new ("City of Riverside");
  coalition_organization_set_kind (government, COALITION_ORGANIZATION_KIND_GOVERNMENT);
  coalition_organization_set_sector (government, "Government");
  coalition_organization_set_status (government, COALITION_STATUS_TARGET);
  coalition_organization_set_website (government, "https://city.example.gov");
  if (!coalition_store_insert_organization (store, government, &local_error))
    goto out;

  /* The county, when the coalition is large enough to have its officials. */
  for (guint i = 0; i < n_decision_makers && county == NULL; i++)
    if (offices[i].county)
      {
        county = coalition_organization_new ("Riverside County");
        coalition_organization_set_kind (county, COALITION_ORGANIZATION_KIND_GOVERNMENT);
        coalition_organization_set_sector (county, "Government");
        coalition_organization_set_status (county, COALITION_STATUS_TARGET);
        coalition_organization_set_website (county, "https://county.example.gov");
        if (!coalition_store_insert_organization (store, county, &local_error))
          goto out;
      }

  if (!add_organizations (store, rand, n_organizations, organizations, &local_error))
    goto out;

  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(CoalitionPerson) person = NULL;
      CoalitionOrganization *organization = NULL;
      gboolean decision_maker = i < n_decision_makers;

      if (!decision_maker && g_rand_double (rand) < 0.9)
        organization = g_ptr_array_index (organizations, g_rand_int_range (rand, 0, organizations->len));

      person = make_person (rand, names_used, organization,
                            !decision_maker ? NULL : offices[i].county ? county : government, i);
      if (!coalition_store_insert_person (store, person, &local_error))
        goto out;
      if (decision_maker)
        g_hash_table_insert (officials, (gpointer)offices[i].title,
                             g_memdup2 (&(gint64) { coalition_person_get_id (person) }, sizeof (gint64)));
      if (coalition_person_get_status (person) == COALITION_STATUS_MEMBER && organization != NULL)
        {
          gint64 id = coalition_person_get_id (person);
          g_array_append_val (members, id);
        }

      if (i % step == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
            goto out;
          if (progress != NULL)
            progress ((double)i / n_people, user_data);
        }
    }

  if (!add_groups (store, rand, members, &local_error))
    goto out;

  if (!add_outreach (store, seed, organizations, members, &local_error))
    goto out;

  if (!add_meetings (store, seed, &local_error))
    goto out;

  if (!add_power_maps (store, seed, officials, &local_error))
    goto out;

  if (!add_campaign (store, seed, officials, &local_error))
    goto out;

out:
  if (local_error != NULL)
    {
      coalition_store_rollback (store);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!coalition_store_commit (store, error))
    return FALSE;

  if (progress != NULL)
    progress (1.0, user_data);

  return TRUE;
}
