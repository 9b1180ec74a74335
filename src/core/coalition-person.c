/* coalition-person.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "coalition-person-private.h"
#include "coalition-util-private.h"

struct _CoalitionPerson
{
  GObject          parent_instance;

  gint64           id;
  char            *uid;
  char            *given_name;
  char            *family_name;
  char            *display_name;
  gint64           organization_id;
  char            *organization_name;
  char            *title;
  CoalitionStatus  status;
  char            *notes;
  char            *created_at;
  char            *updated_at;
  GPtrArray       *emails;
  GPtrArray       *phones;
  char *address;
  char *skills;
  GStrv tags;
  CoalitionOutreach *outreach;
};

G_DEFINE_FINAL_TYPE (CoalitionPerson, coalition_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_GIVEN_NAME,
  PROP_FAMILY_NAME,
  PROP_DISPLAY_NAME,
  PROP_ORGANIZATION_ID,
  PROP_ORGANIZATION_NAME,
  PROP_TITLE,
  PROP_STATUS,
  PROP_NOTES,
  PROP_PRIMARY_EMAIL,
  PROP_PRIMARY_PHONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string (CoalitionPerson  *self,
            char            **field,
            const char       *value,
            int               prop)
{
  if (coalition_set_str (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
coalition_person_finalize (GObject *object)
{
  CoalitionPerson *self = (CoalitionPerson *)object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->given_name, g_free);
  g_clear_pointer (&self->family_name, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->organization_name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);
  g_clear_pointer (&self->emails, g_ptr_array_unref);
  g_clear_pointer (&self->phones, g_ptr_array_unref);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->skills, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->outreach, coalition_outreach_free);

  G_OBJECT_CLASS (coalition_person_parent_class)->finalize (object);
}

static void
coalition_person_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CoalitionPerson *self = COALITION_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;
    case PROP_GIVEN_NAME:
      g_value_set_string (value, self->given_name);
      break;
    case PROP_FAMILY_NAME:
      g_value_set_string (value, self->family_name);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case PROP_ORGANIZATION_ID:
      g_value_set_int64 (value, self->organization_id);
      break;
    case PROP_ORGANIZATION_NAME:
      g_value_set_string (value, self->organization_name);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_PRIMARY_EMAIL:
      g_value_set_string (value, coalition_person_get_primary_email (self));
      break;
    case PROP_PRIMARY_PHONE:
      g_value_set_string (value, coalition_person_get_primary_phone (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
coalition_person_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CoalitionPerson *self = COALITION_PERSON (object);

  switch (prop_id)
    {
    case PROP_GIVEN_NAME:
      coalition_person_set_given_name (self, g_value_get_string (value));
      break;
    case PROP_FAMILY_NAME:
      coalition_person_set_family_name (self, g_value_get_string (value));
      break;
    case PROP_DISPLAY_NAME:
      coalition_person_set_display_name (self, g_value_get_string (value));
      break;
    case PROP_ORGANIZATION_ID:
      coalition_person_set_organization_id (self, g_value_get_int64 (value));
      break;
    case PROP_TITLE:
      coalition_person_set_title (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      coalition_person_set_status (self, g_value_get_enum (value));
      break;
    case PROP_NOTES:
      coalition_person_set_notes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
coalition_person_class_init (CoalitionPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = coalition_person_finalize;
  object_class->get_property = coalition_person_get_property;
  object_class->set_property = coalition_person_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_UID] = g_param_spec_string ("uid", NULL, NULL, NULL, ro);
  properties[PROP_GIVEN_NAME] = g_param_spec_string ("given-name", NULL, NULL, "", rw);
  properties[PROP_FAMILY_NAME] = g_param_spec_string ("family-name", NULL, NULL, "", rw);
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, "", rw);
  properties[PROP_ORGANIZATION_ID] = g_param_spec_int64 ("organization-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ORGANIZATION_NAME] = g_param_spec_string ("organization-name", NULL, NULL, NULL, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", rw);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL,
                                               COALITION_TYPE_STATUS, COALITION_STATUS_MEMBER, rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", rw);
  properties[PROP_PRIMARY_EMAIL] = g_param_spec_string ("primary-email", NULL, NULL, NULL, ro);
  properties[PROP_PRIMARY_PHONE] = g_param_spec_string ("primary-phone", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
coalition_person_init (CoalitionPerson *self)
{
  self->address = g_strdup ("");
  self->skills = g_strdup ("");
  self->tags = g_new0 (char *, 1);
  self->outreach = coalition_outreach_new ();
  self->given_name = g_strdup ("");
  self->family_name = g_strdup ("");
  self->display_name = g_strdup ("");
  self->title = g_strdup ("");
  self->notes = g_strdup ("");
  self->status = COALITION_STATUS_MEMBER;
  self->emails = g_ptr_array_new_with_free_func ((GDestroyNotify)coalition_contact_point_free);
  self->phones = g_ptr_array_new_with_free_func ((GDestroyNotify)coalition_contact_point_free);
}

CoalitionPerson *
coalition_person_new (void)
{
  return g_object_new (COALITION_TYPE_PERSON, NULL);
}

gint64
coalition_person_get_id (CoalitionPerson *self)
{
  g_return_val_if_fail (COALITION_IS_PERSON (self), 0);
  return self->id;
}

void
coalition_person_set_id (CoalitionPerson *self,
                         gint64           id)
{
  g_return_if_fail (COALITION_IS_PERSON (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
coalition_person_get_uid (CoalitionPerson *self)
{
  g_return_val_if_fail (COALITION_IS_PERSON (self), NULL);
  return self->uid;
}

void
coalition_person_set_uid (CoalitionPerson *self,
                          const char      *uid)
{
  g_return_if_fail (COALITION_IS_PERSON (self));
  set_string (self, &self->uid, uid, PROP_UID);
}

const char *
coalition_person_get_given_name (CoalitionPerson *self)
{
  g_return_val_if_fail (COALITION_IS_PERSON (self), NULL);
  return self->given_name;
}

void
coalition_person_set_given_name (CoalitionPerson *self,
                                 const char      *given_name)
{
  g_return_if_fail (COALITION_IS_PERSON (self));
  set_string (self, &self->given_name, given_name ? given_name : "", PROP_GIVEN_NAME);
}

const char *
coalition_person_get_family_name (CoalitionPerson *self)
{
  g_return_val_if_fail (COALITION_IS_PERSON (self), NULL);
  return self->family_name;
}

void
coalition_person_set_family_name (CoalitionPerson *self,
                                  const char      *family_name)
{
  g_return_if_fail (COALITION_IS_PERSON (self));
  set_string (self, &self->family_name, family_name ? family_name : "", PROP_FAMILY_NAME);
}

const char *
coalition_person_get_display_name (CoalitionPerson *self)
{
  g_return_val_if_fail (COALITION_IS_PERSON (self), NULL);
  return self->display_name;
}

void
coalition_person_set_display_name (CoalitionPerson *self,
                                   const char      *display_name)
{
  g_return_if_fail (COALITION_IS_PERSON (self));
  set_string (self, &self->display_name, display_name ? display_name : "", PROP_DISPLAY_NAME);
}

gint64
coalition_person_get_organization_id (CoalitionPerson *self)
{
  g_return_val_if_fail (COALITION_IS_PERSON (self), 0);
  return self->organization_id;
}

void
coalition_person_set_organization_id (CoalitionPerson *self,
                                      gint64           organization_id)
{
  g_return_if_fail (COALITION_IS_PERSON (self));

  if (self->organization_id == organization_id)
    return;
  self->organization_id = organization_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANIZATION_ID]);
}

const char *
coalition_person_get_organization_name (CoalitionPerson *self)
{
  g_return_val_if_fail (COALITION_IS_PERSON (self), NULL);
  return self->organization_name;
}

void
coalition_person_set_organization_name (CoalitionPerson *self,
                                        const char      *organization_name)
{
  g_return_if_fail (COALITION_IS_PERSON (self));
  set_string (self, &self->organization_name, organization_name, PROP_ORGANIZATION_NAME);
}

const char *
coalition_person_get_title (CoalitionPerson *self)
{
  g_return_val_if_fail (COALITION_IS_PERSON (self), NULL);
  return self->title;
}

void
coalition_person_set_title (CoalitionPerson *self,
                            const char      *title)
{
  g_return_if_fail (COALITION_IS_PERSON (self));
  set_string (self, &self->title, title ? title : "", PROP_TITLE);
}

CoalitionStatus
coalition_person_get_status (CoalitionPerson *self)
{
  g_return_val_if_fail (COALITION_IS_PERSON (self), 0);
  return self->status;
}

void
coalition_person_set_status (CoalitionPerson *self,
                             CoalitionStatus  status)
{
  g_return_if_fail (COALITION_IS_PERSON (self));
  g_return_if_fail (status <= COALITION_STATUS_LAST);

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
coalition_person_get_notes (CoalitionPerson *self)
{
  g_return_val_if_fail (COALITION_IS_PERSON (self), NULL);
  return self->notes;
}

void
coalition_person_set_notes (CoalitionPerson *self,
                            const char      *notes)
{
  g_return_if_fail (COALITION_IS_PERSON (self));
  set_string (self, &self->notes, notes ? notes : "", PROP_NOTES);
}

const char *
coalition_person_get_created_at (CoalitionPerson *self)
{
  g_return_val_if_fail (COALITION_IS_PERSON (self), NULL);
  return self->created_at;
}

const char *
coalition_person_get_updated_at (CoalitionPerson *self)
{
  g_return_val_if_fail (COALITION_IS_PERSON (self), NULL);
  return self->updated_at;
}

void
coalition_person_set_times (CoalitionPerson *self,
                            const char      *created_at,
                            const char      *updated_at)
{
  g_return_if_fail (COALITION_IS_PERSON (self));

  coalition_set_str (&self->created_at, created_at);
  coalition_set_str (&self->updated_at, updated_at);
}

GPtrArray *
coalition_person_get_emails (CoalitionPerson *self)
{
  g_return_val_if_fail (COALITION_IS_PERSON (self), NULL);
  return self->emails;
}

GPtrArray *
coalition_person_get_phones (CoalitionPerson *self)
{
  g_return_val_if_fail (COALITION_IS_PERSON (self), NULL);
  return self->phones;
}

static void
add_contact_point (CoalitionPerson *self,
                   GPtrArray       *points,
                   const char      *label,
                   const char      *value,
                   gboolean         primary,
                   int              prop)
{
  const char *before = NULL;
  const char *after;

  g_return_if_fail (value != NULL);

  if (prop == PROP_PRIMARY_EMAIL)
    before = coalition_person_get_primary_email (self);
  else
    before = coalition_person_get_primary_phone (self);

  if (primary)
    {
      for (guint i = 0; i < points->len; i++)
        ((CoalitionContactPoint *)g_ptr_array_index (points, i))->primary = FALSE;
    }
  g_ptr_array_add (points, coalition_contact_point_new (label, value, primary));

  after = prop == PROP_PRIMARY_EMAIL ? coalition_person_get_primary_email (self)
                                     : coalition_person_get_primary_phone (self);
  if (before != after)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
coalition_person_add_email (CoalitionPerson *self,
                            const char      *label,
                            const char      *address,
                            gboolean         primary)
{
  g_return_if_fail (COALITION_IS_PERSON (self));
  add_contact_point (self, self->emails, label, address, primary, PROP_PRIMARY_EMAIL);
}

void
coalition_person_add_phone (CoalitionPerson *self,
                            const char      *label,
                            const char      *number,
                            gboolean         primary)
{
  g_return_if_fail (COALITION_IS_PERSON (self));
  add_contact_point (self, self->phones, label, number, primary, PROP_PRIMARY_PHONE);
}

void
coalition_person_remove_email (CoalitionPerson *self,
                               guint            index)
{
  g_return_if_fail (COALITION_IS_PERSON (self));
  g_return_if_fail (index < self->emails->len);

  g_ptr_array_remove_index (self->emails, index);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIMARY_EMAIL]);
}

void
coalition_person_remove_phone (CoalitionPerson *self,
                               guint            index)
{
  g_return_if_fail (COALITION_IS_PERSON (self));
  g_return_if_fail (index < self->phones->len);

  g_ptr_array_remove_index (self->phones, index);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIMARY_PHONE]);
}

void
coalition_person_clear_emails (CoalitionPerson *self)
{
  g_return_if_fail (COALITION_IS_PERSON (self));

  if (self->emails->len == 0)
    return;
  g_ptr_array_set_size (self->emails, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIMARY_EMAIL]);
}

void
coalition_person_clear_phones (CoalitionPerson *self)
{
  g_return_if_fail (COALITION_IS_PERSON (self));

  if (self->phones->len == 0)
    return;
  g_ptr_array_set_size (self->phones, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIMARY_PHONE]);
}

static const char *
primary_value (GPtrArray *points)
{
  for (guint i = 0; i < points->len; i++)
    {
      const CoalitionContactPoint *point = g_ptr_array_index (points, i);

      if (point->primary)
        return point->value;
    }

  return points->len > 0 ? ((CoalitionContactPoint *)g_ptr_array_index (points, 0))->value : NULL;
}

const char *
coalition_person_get_primary_email (CoalitionPerson *self)
{
  g_return_val_if_fail (COALITION_IS_PERSON (self), NULL);
  return primary_value (self->emails);
}

const char *
coalition_person_get_primary_phone (CoalitionPerson *self)
{
  g_return_val_if_fail (COALITION_IS_PERSON (self), NULL);
  return primary_value (self->phones);
}

const char *
coalition_person_get_address (CoalitionPerson *self)
{
  g_return_val_if_fail (COALITION_IS_PERSON (self), NULL);
  return self->address;
}

void
coalition_person_set_address (CoalitionPerson *self,
                             const char *address)
{
  g_return_if_fail (COALITION_IS_PERSON (self));
  coalition_set_str (&self->address, address ? address : "");
}

const char *
coalition_person_get_skills (CoalitionPerson *self)
{
  g_return_val_if_fail (COALITION_IS_PERSON (self), NULL);
  return self->skills;
}

void
coalition_person_set_skills (CoalitionPerson *self,
                            const char *skills)
{
  g_return_if_fail (COALITION_IS_PERSON (self));
  coalition_set_str (&self->skills, skills ? skills : "");
}

const char * const *
coalition_person_get_tags (CoalitionPerson *self)
{
  g_return_val_if_fail (COALITION_IS_PERSON (self), NULL);
  return (const char * const *)self->tags;
}

void
coalition_person_set_tags (CoalitionPerson *self,
                          const char * const *tags)
{
  g_return_if_fail (COALITION_IS_PERSON (self));
  g_strfreev (self->tags);
  self->tags = coalition_tags_normalize (tags);
}

const CoalitionOutreach *
coalition_person_get_outreach (CoalitionPerson *self)
{
  g_return_val_if_fail (COALITION_IS_PERSON (self), NULL);
  return self->outreach;
}

void
coalition_person_set_outreach (CoalitionPerson *self,
                              const CoalitionOutreach *outreach)
{
  g_return_if_fail (COALITION_IS_PERSON (self));
  coalition_outreach_free (self->outreach);
  self->outreach = outreach ? coalition_outreach_copy (outreach) : coalition_outreach_new ();
}
