/* coalition-organization.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "coalition-organization-private.h"
#include "coalition-util-private.h"

struct _CoalitionOrganization
{
  GObject                    parent_instance;

  gint64                     id;
  char                      *uid;
  char                      *name;
  CoalitionOrganizationKind  kind;
  char                      *sector;
  char                      *website;
  CoalitionStatus            status;
  char                      *notes;
  guint                      n_people;
  char                      *created_at;
  char                      *updated_at;
  char *address;
  char *capacity;
  char *constituency;
  char *skills;
  char *access;
  GStrv tags;
  CoalitionOutreach *outreach;
  GPtrArray *emails;
  GPtrArray *phones;
};

G_DEFINE_FINAL_TYPE (CoalitionOrganization, coalition_organization, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_NAME,
  PROP_KIND,
  PROP_SECTOR,
  PROP_WEBSITE,
  PROP_STATUS,
  PROP_NOTES,
  PROP_N_PEOPLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string (CoalitionOrganization  *self,
            char                  **field,
            const char             *value,
            int                     prop)
{
  if (coalition_set_str (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
coalition_organization_finalize (GObject *object)
{
  CoalitionOrganization *self = (CoalitionOrganization *)object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->sector, g_free);
  g_clear_pointer (&self->website, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->capacity, g_free);
  g_clear_pointer (&self->constituency, g_free);
  g_clear_pointer (&self->skills, g_free);
  g_clear_pointer (&self->access, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->outreach, coalition_outreach_free);
  g_clear_pointer (&self->emails, g_ptr_array_unref);
  g_clear_pointer (&self->phones, g_ptr_array_unref);

  G_OBJECT_CLASS (coalition_organization_parent_class)->finalize (object);
}

static void
coalition_organization_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CoalitionOrganization *self = COALITION_ORGANIZATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_SECTOR:
      g_value_set_string (value, self->sector);
      break;
    case PROP_WEBSITE:
      g_value_set_string (value, self->website);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_N_PEOPLE:
      g_value_set_uint (value, self->n_people);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
coalition_organization_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CoalitionOrganization *self = COALITION_ORGANIZATION (object);

  switch (prop_id)
    {
    case PROP_NAME:
      coalition_organization_set_name (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      coalition_organization_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_SECTOR:
      coalition_organization_set_sector (self, g_value_get_string (value));
      break;
    case PROP_WEBSITE:
      coalition_organization_set_website (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      coalition_organization_set_status (self, g_value_get_enum (value));
      break;
    case PROP_NOTES:
      coalition_organization_set_notes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
coalition_organization_class_init (CoalitionOrganizationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = coalition_organization_finalize;
  object_class->get_property = coalition_organization_get_property;
  object_class->set_property = coalition_organization_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_UID] = g_param_spec_string ("uid", NULL, NULL, NULL, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", rw);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, COALITION_TYPE_ORGANIZATION_KIND,
                                             COALITION_ORGANIZATION_KIND_OTHER, rw);
  properties[PROP_SECTOR] = g_param_spec_string ("sector", NULL, NULL, "", rw);
  properties[PROP_WEBSITE] = g_param_spec_string ("website", NULL, NULL, "", rw);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, COALITION_TYPE_STATUS,
                                               COALITION_STATUS_PROSPECT, rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", rw);
  properties[PROP_N_PEOPLE] = g_param_spec_uint ("n-people", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
coalition_organization_init (CoalitionOrganization *self)
{
  self->address = g_strdup ("");
  self->capacity = g_strdup ("");
  self->constituency = g_strdup ("");
  self->skills = g_strdup ("");
  self->access = g_strdup ("");
  self->tags = g_new0 (char *, 1);
  self->outreach = coalition_outreach_new ();
  self->emails = g_ptr_array_new_with_free_func ((GDestroyNotify)coalition_contact_point_free);
  self->phones = g_ptr_array_new_with_free_func ((GDestroyNotify)coalition_contact_point_free);
  self->name = g_strdup ("");
  self->sector = g_strdup ("");
  self->website = g_strdup ("");
  self->notes = g_strdup ("");
  self->kind = COALITION_ORGANIZATION_KIND_OTHER;
  self->status = COALITION_STATUS_PROSPECT;
}

CoalitionOrganization *
coalition_organization_new (const char *name)
{
  return g_object_new (COALITION_TYPE_ORGANIZATION, "name", name ? name : "", NULL);
}

gint64
coalition_organization_get_id (CoalitionOrganization *self)
{
  g_return_val_if_fail (COALITION_IS_ORGANIZATION (self), 0);
  return self->id;
}

void
coalition_organization_set_id (CoalitionOrganization *self,
                               gint64                 id)
{
  g_return_if_fail (COALITION_IS_ORGANIZATION (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
coalition_organization_get_uid (CoalitionOrganization *self)
{
  g_return_val_if_fail (COALITION_IS_ORGANIZATION (self), NULL);
  return self->uid;
}

void
coalition_organization_set_uid (CoalitionOrganization *self,
                                const char            *uid)
{
  g_return_if_fail (COALITION_IS_ORGANIZATION (self));
  set_string (self, &self->uid, uid, PROP_UID);
}

const char *
coalition_organization_get_name (CoalitionOrganization *self)
{
  g_return_val_if_fail (COALITION_IS_ORGANIZATION (self), NULL);
  return self->name;
}

void
coalition_organization_set_name (CoalitionOrganization *self,
                                 const char            *name)
{
  g_return_if_fail (COALITION_IS_ORGANIZATION (self));
  set_string (self, &self->name, name ? name : "", PROP_NAME);
}

CoalitionOrganizationKind
coalition_organization_get_kind (CoalitionOrganization *self)
{
  g_return_val_if_fail (COALITION_IS_ORGANIZATION (self), 0);
  return self->kind;
}

void
coalition_organization_set_kind (CoalitionOrganization     *self,
                                 CoalitionOrganizationKind  kind)
{
  g_return_if_fail (COALITION_IS_ORGANIZATION (self));
  g_return_if_fail (kind <= COALITION_ORGANIZATION_KIND_LAST);

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
coalition_organization_get_sector (CoalitionOrganization *self)
{
  g_return_val_if_fail (COALITION_IS_ORGANIZATION (self), NULL);
  return self->sector;
}

void
coalition_organization_set_sector (CoalitionOrganization *self,
                                   const char            *sector)
{
  g_return_if_fail (COALITION_IS_ORGANIZATION (self));
  set_string (self, &self->sector, sector ? sector : "", PROP_SECTOR);
}

const char *
coalition_organization_get_website (CoalitionOrganization *self)
{
  g_return_val_if_fail (COALITION_IS_ORGANIZATION (self), NULL);
  return self->website;
}

void
coalition_organization_set_website (CoalitionOrganization *self,
                                    const char            *website)
{
  g_return_if_fail (COALITION_IS_ORGANIZATION (self));
  set_string (self, &self->website, website ? website : "", PROP_WEBSITE);
}

CoalitionStatus
coalition_organization_get_status (CoalitionOrganization *self)
{
  g_return_val_if_fail (COALITION_IS_ORGANIZATION (self), 0);
  return self->status;
}

void
coalition_organization_set_status (CoalitionOrganization *self,
                                   CoalitionStatus        status)
{
  g_return_if_fail (COALITION_IS_ORGANIZATION (self));
  g_return_if_fail (status <= COALITION_STATUS_LAST);

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
coalition_organization_get_notes (CoalitionOrganization *self)
{
  g_return_val_if_fail (COALITION_IS_ORGANIZATION (self), NULL);
  return self->notes;
}

void
coalition_organization_set_notes (CoalitionOrganization *self,
                                  const char            *notes)
{
  g_return_if_fail (COALITION_IS_ORGANIZATION (self));
  set_string (self, &self->notes, notes ? notes : "", PROP_NOTES);
}

guint
coalition_organization_get_n_people (CoalitionOrganization *self)
{
  g_return_val_if_fail (COALITION_IS_ORGANIZATION (self), 0);
  return self->n_people;
}

void
coalition_organization_set_n_people (CoalitionOrganization *self,
                                     guint                  n_people)
{
  g_return_if_fail (COALITION_IS_ORGANIZATION (self));

  if (self->n_people == n_people)
    return;
  self->n_people = n_people;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PEOPLE]);
}

const char *
coalition_organization_get_created_at (CoalitionOrganization *self)
{
  g_return_val_if_fail (COALITION_IS_ORGANIZATION (self), NULL);
  return self->created_at;
}

const char *
coalition_organization_get_updated_at (CoalitionOrganization *self)
{
  g_return_val_if_fail (COALITION_IS_ORGANIZATION (self), NULL);
  return self->updated_at;
}

void
coalition_organization_set_times (CoalitionOrganization *self,
                                  const char            *created_at,
                                  const char            *updated_at)
{
  g_return_if_fail (COALITION_IS_ORGANIZATION (self));

  coalition_set_str (&self->created_at, created_at);
  coalition_set_str (&self->updated_at, updated_at);
}

const char *
coalition_organization_get_address (CoalitionOrganization *self)
{
  g_return_val_if_fail (COALITION_IS_ORGANIZATION (self), NULL);
  return self->address;
}

void
coalition_organization_set_address (CoalitionOrganization *self,
                                   const char *address)
{
  g_return_if_fail (COALITION_IS_ORGANIZATION (self));
  coalition_set_str (&self->address, address ? address : "");
}

const char *
coalition_organization_get_capacity (CoalitionOrganization *self)
{
  g_return_val_if_fail (COALITION_IS_ORGANIZATION (self), NULL);
  return self->capacity;
}

void
coalition_organization_set_capacity (CoalitionOrganization *self,
                                    const char *capacity)
{
  g_return_if_fail (COALITION_IS_ORGANIZATION (self));
  coalition_set_str (&self->capacity, capacity ? capacity : "");
}

const char *
coalition_organization_get_constituency (CoalitionOrganization *self)
{
  g_return_val_if_fail (COALITION_IS_ORGANIZATION (self), NULL);
  return self->constituency;
}

void
coalition_organization_set_constituency (CoalitionOrganization *self,
                                        const char *constituency)
{
  g_return_if_fail (COALITION_IS_ORGANIZATION (self));
  coalition_set_str (&self->constituency, constituency ? constituency : "");
}

const char *
coalition_organization_get_skills (CoalitionOrganization *self)
{
  g_return_val_if_fail (COALITION_IS_ORGANIZATION (self), NULL);
  return self->skills;
}

void
coalition_organization_set_skills (CoalitionOrganization *self,
                                  const char *skills)
{
  g_return_if_fail (COALITION_IS_ORGANIZATION (self));
  coalition_set_str (&self->skills, skills ? skills : "");
}

const char *
coalition_organization_get_access (CoalitionOrganization *self)
{
  g_return_val_if_fail (COALITION_IS_ORGANIZATION (self), NULL);
  return self->access;
}

void
coalition_organization_set_access (CoalitionOrganization *self,
                                  const char *access)
{
  g_return_if_fail (COALITION_IS_ORGANIZATION (self));
  coalition_set_str (&self->access, access ? access : "");
}

const char * const *
coalition_organization_get_tags (CoalitionOrganization *self)
{
  g_return_val_if_fail (COALITION_IS_ORGANIZATION (self), NULL);
  return (const char * const *)self->tags;
}

void
coalition_organization_set_tags (CoalitionOrganization *self,
                                const char * const *tags)
{
  g_return_if_fail (COALITION_IS_ORGANIZATION (self));
  g_strfreev (self->tags);
  self->tags = coalition_tags_normalize (tags);
}

const CoalitionOutreach *
coalition_organization_get_outreach (CoalitionOrganization *self)
{
  g_return_val_if_fail (COALITION_IS_ORGANIZATION (self), NULL);
  return self->outreach;
}

void
coalition_organization_set_outreach (CoalitionOrganization *self,
                                    const CoalitionOutreach *outreach)
{
  g_return_if_fail (COALITION_IS_ORGANIZATION (self));
  coalition_outreach_free (self->outreach);
  self->outreach = outreach ? coalition_outreach_copy (outreach) : coalition_outreach_new ();
}

/* Element type CoalitionContactPoint; transfer none, change it in place. */
GPtrArray *
coalition_organization_get_emails (CoalitionOrganization *self)
{
  g_return_val_if_fail (COALITION_IS_ORGANIZATION (self), NULL);
  return self->emails;
}

GPtrArray *
coalition_organization_get_phones (CoalitionOrganization *self)
{
  g_return_val_if_fail (COALITION_IS_ORGANIZATION (self), NULL);
  return self->phones;
}
