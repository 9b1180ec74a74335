/* coalition-map-page.c — the Power Map page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The maps beside the map shown. A map is the canvas (or the same nodes as
 * a table, for sorting and for screen readers) with the chosen node's
 * details in a side pane: where they stand and how much say they have,
 * their relationships, who in the coalition can reach them, and how they
 * moved. Every change goes to the store at once; the page follows the
 * store's "map-changed".
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "coalition-widgets.h"
#include "coalition-accessible.h"
#include "coalition-core.h"
#include "coalition-map-page.h"
#include "coalition-window.h"

#define MAX_MATCHES 30
#define MAX_PATHS 12
#define MAX_HIGHLIGHTED 4

/* ---------------------------------------------------------------------- */
/* A row of the table */

#define MAP_ROW_TYPE (map_row_get_type ())
G_DECLARE_FINAL_TYPE (MapRow, map_row, MAP, ROW, GObject)

struct _MapRow
{
  GObject           parent_instance;
  CoalitionMapNode *node;
  guint             n_relationships;
};

G_DEFINE_FINAL_TYPE (MapRow, map_row, G_TYPE_OBJECT)

static void
map_row_finalize (GObject *object)
{
  g_clear_pointer (&MAP_ROW (object)->node, coalition_map_node_free);
  G_OBJECT_CLASS (map_row_parent_class)->finalize (object);
}

static void
map_row_class_init (MapRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = map_row_finalize;
}

static void
map_row_init (MapRow *self)
{
}

/* ---------------------------------------------------------------------- */

struct _CoalitionMapPage
{
  GtkWidget           parent_instance;

  CoalitionStore     *store;
  gint64              map_id;
  char               *as_of;
  GArray             *map_ids;
  GPtrArray          *nodes;        /* CoalitionMapNode of the map shown */
  GPtrArray          *edges;        /* CoalitionMapEdge */
  guint               reload_id;
  gboolean            updating;

  AdwLeaflet         *leaflet;
  GtkListBox         *map_list;
  GtkStack           *content;      /* "empty", "none", "map" */
  GtkLabel           *title;
  GtkLabel           *decision;
  GtkStack           *views;        /* "canvas", "table" */
  GtkToggleButton    *canvas_toggle;
  GtkToggleButton    *table_toggle;
  CoalitionMapCanvas *canvas;
  GtkWidget          *empty_hint;
  GListStore         *rows;
  GtkColumnView      *table;
  GtkMenuButton      *as_of_button;
  GtkCalendar        *calendar;
  GtkWidget          *as_of_banner;
  GtkLabel           *as_of_label;
  GtkSearchEntry     *add_search;
  GtkListBox         *add_results;
  GtkPopover         *add_popover;

  AdwFlap            *flap;
  GtkLabel           *node_name;
  GtkLabel           *node_detail;
  AdwComboRow        *stance_row;
  AdwComboRow        *influence_row;
  AdwEntryRow        *note_row;
  AdwPreferencesGroup *relationships_group;
  GPtrArray          *relationship_rows;
  GtkDropDown        *other_node;
  AdwComboRow        *relationship_kind;
  AdwComboRow        *relationship_strength;
  AdwComboRow        *relationship_direction;
  AdwEntryRow        *relationship_note;
  GArray             *other_ids;
  AdwPreferencesGroup *reach_group;
  GPtrArray          *reach_rows;
  AdwPreferencesGroup *history_group;
  GPtrArray          *history_rows;
};

G_DEFINE_FINAL_TYPE (CoalitionMapPage, coalition_map_page, GTK_TYPE_WIDGET)

enum {
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload (CoalitionMapPage *self);
static void show_node (CoalitionMapPage *self);

static void
toast (CoalitionMapPage *self,
       const char       *message)
{
  g_signal_emit (self, signals[TOAST], 0, message);
}

static void
toast_error (CoalitionMapPage *self,
             GError           *error)
{
  if (error != NULL)
    toast (self, error->message);
}

static const CoalitionMapNode *
find_node (CoalitionMapPage *self,
           gint64            node_id)
{
  for (guint i = 0; self->nodes != NULL && i < self->nodes->len; i++)
    if (((CoalitionMapNode *)self->nodes->pdata[i])->id == node_id)
      return self->nodes->pdata[i];
  return NULL;
}

static const char *
node_name (CoalitionMapPage *self,
           gint64            node_id)
{
  const CoalitionMapNode *node = find_node (self, node_id);

  return node ? node->name : "";
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, rows->pdata[i]);
  g_ptr_array_set_size (rows, 0);
}

static char *
format_date (const char *iso)
{
  int year, month, day;
  g_autoptr(GDateTime) date = NULL;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &year, &month, &day) != 3
      || (date = g_date_time_new_local (year, month, day, 12, 0, 0)) == NULL)
    return g_strdup (iso ? iso : "");
  /* Translators: a date in the map's history, "3 March 2026"; see g_date_time_format() */
  return g_date_time_format (date, _("%-d %B %Y"));
}

/* ---------------------------------------------------------------------- */
/* The list of maps */

static void
fill_map_list (CoalitionMapPage *self)
{
  g_autoptr(GPtrArray) maps = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  gboolean found = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->map_list))) != NULL)
    gtk_list_box_remove (self->map_list, child);
  g_array_set_size (self->map_ids, 0);
  if (self->store == NULL)
    return;

  maps = coalition_store_list_maps (self->store, &error);
  for (guint i = 0; maps != NULL && i < maps->len; i++)
    {
      CoalitionPowerMap *map = maps->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u on the map", "%u on the map",
                                                                map->n_nodes), map->n_nodes);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), map->title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->map_list, row);
      g_array_append_val (self->map_ids, map->id);
      if (map->id == self->map_id)
        {
          gtk_list_box_select_row (self->map_list, GTK_LIST_BOX_ROW (row));
          found = TRUE;
        }
    }

  if (!found)
    self->map_id = 0;
  gtk_stack_set_visible_child_name (self->content, self->map_ids->len == 0 ? "empty"
                                                   : self->map_id == 0 ? "none" : "map");
}

static void
map_selected_cb (GtkListBox       *list,
                 GtkListBoxRow    *row,
                 CoalitionMapPage *self)
{
  gint64 map_id;

  if (row == NULL || self->updating)
    return;
  map_id = g_array_index (self->map_ids, gint64, gtk_list_box_row_get_index (row));
  if (map_id != self->map_id)
    coalition_map_page_show_map (self, map_id);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "map");
}

/* ---------------------------------------------------------------------- */
/* Loading the map */

static void
fill_table (CoalitionMapPage *self)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->edges->len; i++)
    {
      CoalitionMapEdge *edge = self->edges->pdata[i];
      gint64 ends[] = { edge->from_node, edge->to_node };

      for (guint e = 0; e < 2; e++)
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &ends[e]));
          g_hash_table_replace (counts, g_memdup2 (&ends[e], sizeof (gint64)), GUINT_TO_POINTER (n + 1));
        }
    }
  for (guint i = 0; i < self->nodes->len; i++)
    {
      MapRow *row = g_object_new (MAP_ROW_TYPE, NULL);

      row->node = coalition_map_node_copy (self->nodes->pdata[i]);
      row->n_relationships = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &row->node->id));
      g_ptr_array_add (rows, row);
    }
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)), rows->pdata, rows->len);
}

static void
reload (CoalitionMapPage *self)
{
  g_autoptr(CoalitionPowerMap) map = NULL;
  g_autoptr(GError) error = NULL;
  CoalitionMapScene *scene;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->updating = TRUE;
  fill_map_list (self);
  self->updating = FALSE;
  if (self->store == NULL || self->map_id == 0)
    {
      coalition_map_canvas_set_scene (self->canvas, NULL);
      g_list_store_remove_all (self->rows);
      return;
    }

  map = coalition_store_get_map (self->store, self->map_id, &error);
  if (map == NULL)
    {
      toast_error (self, error);
      return;
    }
  gtk_label_set_text (self->title, map->title);
  gtk_label_set_text (self->decision, map->decision);
  gtk_widget_set_visible (GTK_WIDGET (self->decision), *map->decision != '\0');

  g_clear_pointer (&self->nodes, g_ptr_array_unref);
  g_clear_pointer (&self->edges, g_ptr_array_unref);
  self->nodes = coalition_store_list_map_nodes (self->store, self->map_id, self->as_of, &error);
  if (self->nodes != NULL)
    self->edges = coalition_store_list_map_edges (self->store, self->map_id, &error);
  if (self->nodes == NULL || self->edges == NULL)
    {
      toast_error (self, error);
      g_clear_pointer (&self->nodes, g_ptr_array_unref);
      self->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify)coalition_map_node_free);
      g_clear_pointer (&self->edges, g_ptr_array_unref);
      self->edges = g_ptr_array_new_with_free_func ((GDestroyNotify)coalition_map_edge_free);
    }

  scene = coalition_map_scene_new (self->nodes, self->edges);
  coalition_map_canvas_set_scene (self->canvas, scene);
  gtk_widget_set_visible (self->empty_hint, self->nodes->len == 0);
  fill_table (self);
  show_node (self);
}

static gboolean
reload_cb (gpointer data)
{
  CoalitionMapPage *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
map_changed_cb (CoalitionStore   *store,
                gint64            map_id,
                CoalitionMapPage *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (0, reload_cb, self);
}

/* ---------------------------------------------------------------------- */
/* The chosen node */

/* Highlights and lists who can reach the chosen node. */
static void
show_reach (CoalitionMapPage       *self,
            const CoalitionMapNode *node)
{
  g_autoptr(GPtrArray) paths = NULL;
  CoalitionMapScene *scene = coalition_map_canvas_get_scene (self->canvas);

  clear_rows (self->reach_group, self->reach_rows);
  if (node == NULL)
    {
      if (scene != NULL)
        coalition_map_scene_set_paths (scene, NULL);
      return;
    }

  paths = coalition_map_reach (self->nodes, self->edges, node->id, MAX_PATHS);
  if (scene != NULL)
    {
      /* The map highlights the few shortest; the list has more. */
      g_autoptr(GPtrArray) shortest = g_ptr_array_new ();

      for (guint i = 0; i < MIN (paths->len, MAX_HIGHLIGHTED); i++)
        g_ptr_array_add (shortest, paths->pdata[i]);
      coalition_map_scene_set_paths (scene, node->role == COALITION_MAP_ROLE_MEMBER ? NULL : shortest);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));

  for (guint i = 0; i < paths->len; i++)
    {
      GArray *path = paths->pdata[i];
      g_autoptr(GString) chain = g_string_new (NULL);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *steps = NULL;

      for (guint j = 0; j < path->len; j++)
        {
          if (j > 0)
            g_string_append (chain, " → ");
          g_string_append (chain, node_name (self, g_array_index (path, gint64, j)));
        }
      steps = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step", "%u steps", path->len - 1), path->len - 1);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), chain->str);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), steps);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      adw_preferences_group_add (self->reach_group, row);
      g_ptr_array_add (self->reach_rows, row);
    }
  if (paths->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), node->role == COALITION_MAP_ROLE_MEMBER
                                     ? _("They are a member of the coalition")
                                     : _("No member of the coalition is connected to them yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   node->role == COALITION_MAP_ROLE_MEMBER ? ""
                                   : _("Add the relationships through which someone could make the ask"));
      adw_preferences_group_add (self->reach_group, row);
      g_ptr_array_add (self->reach_rows, row);
    }
}

static void
remove_edge_cb (GtkButton        *button,
                CoalitionMapPage *self)
{
  gint64 edge_id = *(gint64 *)g_object_get_data (G_OBJECT (button), "edge-id");
  g_autoptr(GError) error = NULL;

  if (!coalition_store_remove_map_edge (self->store, edge_id, &error))
    toast_error (self, error);
}

static void
edit_edge_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       CoalitionMapPage *self)
{
  CoalitionMapEdge *edge = g_object_get_data (G_OBJECT (dialog), "edge");
  AdwComboRow *kind = g_object_get_data (G_OBJECT (dialog), "kind");
  AdwComboRow *strength = g_object_get_data (G_OBJECT (dialog), "strength");
  GtkEditable *note = g_object_get_data (G_OBJECT (dialog), "note");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "save"))
    return;
  edge->kind = adw_combo_row_get_selected (kind);
  edge->strength = (int)adw_combo_row_get_selected (strength) + 1;
  g_free (edge->note);
  edge->note = g_strdup (gtk_editable_get_text (note));
  if (!coalition_store_update_map_edge (self->store, edge, &error))
    toast_error (self, error);
}

static AdwComboRow *combo_row (const char         *title,
                               const char * const *items);

/* A relationship row opens this: its kind, strength and note. */
static void
edge_activated_cb (AdwActionRow     *row,
                   CoalitionMapPage *self)
{
  CoalitionMapEdge *edge = g_object_get_data (G_OBJECT (row), "edge");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *kinds[COALITION_RELATIONSHIP_LAST + 2] = { NULL };
  const char *strengths[] = { _("Weak"), _("Moderate"), _("Strong"), NULL };
  g_autofree char *body = NULL;
  GtkWidget *dialog, *list, *note;
  AdwComboRow *kind, *strength;

  if (edge == NULL || self->as_of != NULL)
    return;
  for (int k = 0; k <= COALITION_RELATIONSHIP_LAST; k++)
    kinds[k] = coalition_relationship_kind_get_label (k);
  /* Translators: the two ends of a relationship, "Zoë Brontë and Mayor Lin" */
  body = g_strdup_printf (_("%s and %s"), node_name (self, edge->from_node), node_name (self, edge->to_node));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Edit Relationship"), body);
  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  kind = combo_row (_("Kind"), kinds);
  adw_combo_row_set_selected (kind, edge->kind);
  strength = combo_row (_("Strength"), strengths);
  adw_combo_row_set_selected (strength, CLAMP (edge->strength, 1, 3) - 1);
  note = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note), _("Note"));
  gtk_editable_set_text (GTK_EDITABLE (note), edge->note);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (kind));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (strength));
  gtk_list_box_append (GTK_LIST_BOX (list), note);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "edge", coalition_map_edge_copy (edge),
                          (GDestroyNotify)coalition_map_edge_free);
  g_object_set_data (G_OBJECT (dialog), "kind", kind);
  g_object_set_data (G_OBJECT (dialog), "strength", strength);
  g_object_set_data (G_OBJECT (dialog), "note", note);
  g_signal_connect_object (dialog, "response", G_CALLBACK (edit_edge_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_relationships (CoalitionMapPage       *self,
                    const CoalitionMapNode *node)
{
  g_autoptr(GtkStringList) others = gtk_string_list_new (NULL);

  clear_rows (self->relationships_group, self->relationship_rows);
  g_array_set_size (self->other_ids, 0);
  if (node == NULL)
    return;

  for (guint i = 0; i < self->edges->len; i++)
    {
      CoalitionMapEdge *edge = self->edges->pdata[i];
      gboolean outgoing = edge->from_node == node->id;
      GtkWidget *row, *remove;
      g_autofree char *title = NULL;
      g_autofree char *strength = NULL;
      const char *strengths[] = { "", N_("weak"), N_("moderate"), N_("strong") };

      if (!outgoing && edge->to_node != node->id)
        continue;
      /* Translators: a relationship seen from one end: "Works for: Mayor Lin", "Funded by: Eastside Foundation" */
      title = g_strdup_printf (_("%s: %s"),
                               outgoing || !edge->directed ? coalition_relationship_kind_get_label (edge->kind)
                                                           : coalition_relationship_kind_get_inverse_label (edge->kind),
                               node_name (self, outgoing ? edge->to_node : edge->from_node));
      strength = *edge->note ? g_strdup_printf ("%s · %s", _(strengths[CLAMP (edge->strength, 1, 3)]), edge->note)
                             : g_strdup (_(strengths[CLAMP (edge->strength, 1, 3)]));
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), strength);
      remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove This Relationship"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove This Relationship"), -1);
      g_object_set_data_full (G_OBJECT (remove), "edge-id", g_memdup2 (&edge->id, sizeof edge->id), g_free);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_edge_cb), self, 0);
      gtk_widget_set_sensitive (remove, self->as_of == NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), self->as_of == NULL);
      gtk_widget_set_tooltip_text (row, _("Edit the kind, strength or note"));
      g_object_set_data_full (G_OBJECT (row), "edge", coalition_map_edge_copy (edge),
                              (GDestroyNotify)coalition_map_edge_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (edge_activated_cb), self, 0);
      adw_preferences_group_add (self->relationships_group, row);
      g_ptr_array_add (self->relationship_rows, row);
    }

  for (guint i = 0; i < self->nodes->len; i++)
    {
      CoalitionMapNode *other = self->nodes->pdata[i];

      if (other->id == node->id)
        continue;
      gtk_string_list_append (others, other->name);
      g_array_append_val (self->other_ids, other->id);
    }
  gtk_drop_down_set_model (self->other_node, G_LIST_MODEL (others));
}

/* ---------------------------------------------------------------------- */
/* Stance over time: a step line over the five stances, from the first
 * placement to today, a dot at each change. */

typedef struct
{
  GArray *days;      /* gint: Julian day of each change */
  GArray *stances;   /* int */
  gint    today;
  char   *first;     /* the first day, as the history writes it */
} StanceChart;

static void
stance_chart_free (gpointer data)
{
  StanceChart *chart = data;

  g_array_unref (chart->days);
  g_array_unref (chart->stances);
  g_free (chart->first);
  g_free (chart);
}

static gint
julian_day (const char *iso)
{
  GDate date;

  return coalition_store_parse_day (iso, &date) ? (gint)g_date_get_julian (&date) : 0;
}

/* Where the chart draws: the plot's edges, one stance's height, and the
 * days its width spans. */
typedef struct
{
  double left, right, top, bottom, step;
  gint   first;
  double span;
} ChartFrame;

static double
chart_x (const ChartFrame *frame,
         gint              day)
{
  return frame->left + (day - frame->first) / frame->span * (frame->right - frame->left);
}

static double
chart_y (const ChartFrame *frame,
         int               stance)
{
  return frame->bottom - (stance - COALITION_STANCE_MIN) * frame->step;
}

static void
draw_stance_chart (GtkDrawingArea *area,
                   cairo_t        *cr,
                   int             width,
                   int             height,
                   gpointer        data)
{
  StanceChart *chart = data;
  GtkWidget *widget = GTK_WIDGET (area);
  GdkRGBA color;
  g_autoptr(PangoLayout) layout = NULL;
  gint last = MAX (chart->today, g_array_index (chart->days, gint, chart->days->len - 1));
  ChartFrame frame = { 4, width - 10, 20, height - 40, 0, g_array_index (chart->days, gint, 0), 0 };
  int text_width, text_height;

  frame.step = (frame.bottom - frame.top) / (COALITION_STANCE_MAX - COALITION_STANCE_MIN);
  frame.span = MAX (last - frame.first, 1);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  /* The five stances, neutral in the middle a little stronger. */
  cairo_set_line_width (cr, 1);
  for (int stance = COALITION_STANCE_MIN; stance <= COALITION_STANCE_MAX; stance++)
    {
      double y = round (chart_y (&frame, stance)) + 0.5;

      cairo_set_source_rgba (cr, color.red, color.green, color.blue, stance == 0 ? 0.3 : 0.12);
      cairo_move_to (cr, frame.left, y);
      cairo_line_to (cr, frame.right, y);
      cairo_stroke (cr);
    }

  /* The step line: each stance held until the next change, the last one
   * until today. */
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, 0.9);
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < chart->days->len; i++)
    {
      double x = chart_x (&frame, g_array_index (chart->days, gint, i));
      double y = chart_y (&frame, g_array_index (chart->stances, int, i));

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
      cairo_line_to (cr, i + 1 < chart->days->len ? chart_x (&frame, g_array_index (chart->days, gint, i + 1))
                                                  : frame.right, y);
    }
  cairo_stroke (cr);
  for (guint i = 0; i < chart->days->len; i++)
    {
      cairo_arc (cr, chart_x (&frame, g_array_index (chart->days, gint, i)),
                 chart_y (&frame, g_array_index (chart->stances, int, i)), 3.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  /* Which way is which, and when. */
  layout = gtk_widget_create_pango_layout (widget, NULL);
  {
    PangoAttrList *attributes = pango_attr_list_new ();

    pango_attr_list_insert (attributes, pango_attr_scale_new (PANGO_SCALE_SMALL));
    pango_layout_set_attributes (layout, attributes);
    pango_attr_list_unref (attributes);
  }
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, 0.7);
  pango_layout_set_text (layout, coalition_stance_get_label (COALITION_STANCE_MAX), -1);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  cairo_move_to (cr, frame.left, frame.top - text_height - 2);
  pango_cairo_show_layout (cr, layout);
  pango_layout_set_text (layout, coalition_stance_get_label (COALITION_STANCE_MIN), -1);
  cairo_move_to (cr, frame.left, frame.bottom + 2);
  pango_cairo_show_layout (cr, layout);
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, 0.55);
  pango_layout_set_text (layout, chart->first, -1);
  cairo_move_to (cr, frame.left, frame.bottom + 4 + text_height);
  pango_cairo_show_layout (cr, layout);
  /* Translators: the right end of the chart of a stance over time */
  pango_layout_set_text (layout, _("Today"), -1);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  cairo_move_to (cr, frame.right - text_width + 6, frame.bottom + 4 + text_height);
  pango_cairo_show_layout (cr, layout);
}

/* The chart of @history (oldest first), with its story in words as the
 * tooltip, which screen readers read as its description. */
static GtkWidget *
stance_chart_new (GPtrArray *history)
{
  GtkWidget *area, *row;
  StanceChart *chart = g_new0 (StanceChart, 1);
  g_autoptr(GString) story = g_string_new (NULL);
  g_autofree char *today = coalition_store_today ();

  chart->days = g_array_new (FALSE, FALSE, sizeof (gint));
  chart->stances = g_array_new (FALSE, FALSE, sizeof (int));
  chart->today = julian_day (today);
  for (guint i = 0; i < history->len; i++)
    {
      CoalitionMapChange *change = history->pdata[i];
      g_autofree char *date = format_date (change->date);
      gint day = julian_day (change->date);

      if (day == 0)
        continue;
      if (chart->first == NULL)
        chart->first = g_strdup (date);
      g_array_append_val (chart->days, day);
      g_array_append_val (chart->stances, change->stance);
      if (story->len > 0)
        g_string_append (story, "\n");
      /* Translators: one line of a stance's story, "Leaning against since 3 March 2026" */
      g_string_append_printf (story, _("%s since %s"), coalition_stance_get_label (change->stance), date);
    }
  if (chart->days->len < 2)
    {
      stance_chart_free (chart);
      return NULL;
    }

  /* An image to screen readers, described in words. */
  area = g_object_new (GTK_TYPE_DRAWING_AREA, "accessible-role", GTK_ACCESSIBLE_ROLE_IMG, NULL);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 150);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_stance_chart, chart, stance_chart_free);
  gtk_widget_set_name (area, "stance-chart");
  gtk_widget_set_tooltip_text (area, story->str);
  gtk_widget_set_margin_top (area, 8);
  gtk_widget_set_margin_bottom (area, 8);
  gtk_widget_set_margin_start (area, 12);
  gtk_widget_set_margin_end (area, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stance over time"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, story->str, -1);
  /* A row of the list, above the changes it draws. */
  row = adw_preferences_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Stance over time"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stance over time"), -1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), area);
  return row;
}

static void
show_history (CoalitionMapPage       *self,
              const CoalitionMapNode *node)
{
  g_autoptr(GPtrArray) history = NULL;
  GtkWidget *chart;

  clear_rows (self->history_group, self->history_rows);
  if (node == NULL)
    return;
  history = coalition_store_list_map_history (self->store, node->id, NULL);
  chart = history != NULL ? stance_chart_new (history) : NULL;
  if (chart != NULL)
    {
      adw_preferences_group_add (self->history_group, chart);
      g_ptr_array_add (self->history_rows, chart);
    }
  /* The latest first. */
  for (guint i = history ? history->len : 0; i-- > 0;)
    {
      CoalitionMapChange *change = history->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *date = format_date (change->date);
      g_autofree char *where = g_strdup_printf ("%s · %s", coalition_stance_get_label (change->stance),
                                                coalition_influence_get_label (change->influence));
      g_autofree char *subtitle = *change->note ? g_strdup_printf ("%s\n%s", where, change->note) : g_strdup (where);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      adw_preferences_group_add (self->history_group, row);
      g_ptr_array_add (self->history_rows, row);
    }
}

static void
show_node (CoalitionMapPage *self)
{
  const CoalitionMapNode *node = find_node (self, coalition_map_canvas_get_selected (self->canvas));

  self->updating = TRUE;
  if (node != NULL)
    {
      g_autofree char *detail = *node->detail
                                ? g_strdup_printf ("%s · %s", coalition_map_role_get_label (node->role), node->detail)
                                : g_strdup (coalition_map_role_get_label (node->role));

      gtk_label_set_text (self->node_name, node->name);
      gtk_label_set_text (self->node_detail, detail);
      adw_combo_row_set_selected (self->stance_row, node->stance - COALITION_STANCE_MIN);
      adw_combo_row_set_selected (self->influence_row, COALITION_INFLUENCE_MAX - node->influence);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->stance_row), self->as_of == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->influence_row), self->as_of == NULL);
  self->updating = FALSE;
  show_relationships (self, node);
  show_reach (self, node);
  show_history (self, node);
  adw_flap_set_reveal_flap (self->flap, node != NULL);
}

static void
selection_changed_cb (CoalitionMapCanvas *canvas,
                      CoalitionMapPage   *self)
{
  show_node (self);
}

static void
move_node (CoalitionMapPage *self,
           gint64            node_id,
           int               stance,
           int               influence)
{
  g_autoptr(GError) error = NULL;
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));

  if (self->as_of != NULL)
    {
      toast (self, _("This is the map as it stood then; go back to today to move anyone"));
      reload (self);
      return;
    }
  if (!coalition_store_move_map_node (self->store, node_id, stance, influence, NULL, note, &error))
    {
      toast_error (self, error);
      reload (self);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
}

static void
node_moved_cb (CoalitionMapCanvas *canvas,
               gint64              node_id,
               int                 stance,
               int                 influence,
               CoalitionMapPage   *self)
{
  move_node (self, node_id, stance, influence);
}

static void
node_activated_cb (CoalitionMapCanvas *canvas,
                   gint64              node_id,
                   CoalitionMapPage   *self)
{
  adw_flap_set_reveal_flap (self->flap, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->stance_row));
}

static void
cell_row_changed_cb (AdwComboRow      *row,
                     GParamSpec       *pspec,
                     CoalitionMapPage *self)
{
  const CoalitionMapNode *node = find_node (self, coalition_map_canvas_get_selected (self->canvas));

  if (self->updating || node == NULL)
    return;
  move_node (self, node->id, (int)adw_combo_row_get_selected (self->stance_row) + COALITION_STANCE_MIN,
             COALITION_INFLUENCE_MAX - (int)adw_combo_row_get_selected (self->influence_row));
}

static void
add_relationship_cb (GtkButton        *button,
                     CoalitionMapPage *self)
{
  const CoalitionMapNode *node = find_node (self, coalition_map_canvas_get_selected (self->canvas));
  guint other = gtk_drop_down_get_selected (self->other_node);
  guint direction = adw_combo_row_get_selected (self->relationship_direction);
  g_autoptr(CoalitionMapEdge) edge = NULL;
  g_autoptr(GError) error = NULL;
  gint64 other_id;

  if (node == NULL || other == GTK_INVALID_LIST_POSITION || other >= self->other_ids->len)
    {
      toast (self, _("Choose who the relationship is with"));
      return;
    }
  other_id = g_array_index (self->other_ids, gint64, other);
  /* From this node, to it, or both ways (no arrow). */
  edge = coalition_map_edge_new (direction == 1 ? other_id : node->id, direction == 1 ? node->id : other_id,
                                 adw_combo_row_get_selected (self->relationship_kind));
  edge->directed = direction != 2;
  edge->strength = (int)adw_combo_row_get_selected (self->relationship_strength) + 1;
  g_free (edge->note);
  edge->note = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->relationship_note)));
  if (!coalition_store_add_map_edge (self->store, edge, &error))
    toast_error (self, error);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->relationship_note), "");
}

/* Undo on the toast: the node back where it stood, with its history and
 * relationships, and chosen again. */
static void
undo_remove_node_cb (AdwToast         *toast,
                     CoalitionMapPage *self)
{
  const char *kept = g_object_get_data (G_OBJECT (toast), "kept");
  g_autoptr(GError) error = NULL;
  gint64 node_id = coalition_store_restore_map_node (self->store, kept, &error);

  if (node_id == 0)
    {
      toast_error (self, error);
      return;
    }
  /* Drawn again now rather than when the store's signal comes round, so
   * that the node is there to be chosen. */
  reload (self);
  coalition_map_canvas_select (self->canvas, node_id);
}

static void
remove_node_cb (GtkButton        *button,
                CoalitionMapPage *self)
{
  const CoalitionMapNode *node = find_node (self, coalition_map_canvas_get_selected (self->canvas));
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), COALITION_TYPE_WINDOW);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  char *kept = NULL;
  AdwToast *undo;

  if (node == NULL)
    return;
  message = g_strdup_printf (_("%s was taken off the map"), node->name);
  if (!coalition_store_remove_map_node (self->store, node->id, &kept, &error))
    {
      toast_error (self, error);
      return;
    }
  coalition_map_canvas_select (self->canvas, 0);
  if (window == NULL)
    {
      g_free (kept);
      toast (self, message);
      return;
    }

  /* The history of their moves and their relationships go with them:
   * Undo puts it all back. */
  undo = coalition_undo_toast_new (message);
  g_object_set_data_full (G_OBJECT (undo), "kept", kept, g_free);
  g_signal_connect_object (undo, "button-clicked", G_CALLBACK (undo_remove_node_cb), self, 0);
  coalition_window_show_toast (COALITION_WINDOW (window), undo);
}

/* ---------------------------------------------------------------------- */
/* Adding to the map */

/* Where someone starts: members with us, allies leaning with us, targets
 * unknown but with a say, anyone else unknown. */
static void
default_cell (CoalitionStatus status,
              int            *stance,
              int            *influence)
{
  switch (status)
    {
    case COALITION_STATUS_MEMBER:
      *stance = 2;
      *influence = 1;
      break;
    case COALITION_STATUS_ALLY:
      *stance = 1;
      *influence = 1;
      break;
    case COALITION_STATUS_TARGET:
      *stance = 0;
      *influence = 3;
      break;
    default:
      *stance = 0;
      *influence = 1;
      break;
    }
}

static void
add_to_map (CoalitionMapPage *self,
            gint64            person_id,
            gint64            organization_id,
            CoalitionStatus   status,
            const char       *name)
{
  g_autoptr(GError) error = NULL;
  int stance, influence;
  gint64 node_id;

  default_cell (status, &stance, &influence);
  node_id = coalition_store_add_map_node (self->store, self->map_id, person_id, organization_id, stance, influence,
                                          NULL, &error);
  if (node_id == 0)
    {
      g_autofree char *message = g_strdup_printf (_("%s could not be added: %s"), name, error->message);
      toast (self, message);
      return;
    }
  gtk_popover_popdown (self->add_popover);
  reload (self);
  coalition_map_canvas_select (self->canvas, node_id);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

static void
match_activated_cb (GtkListBox       *list,
                    GtkListBoxRow    *row,
                    CoalitionMapPage *self)
{
  gint64 person_id = *(gint64 *)g_object_get_data (G_OBJECT (row), "person-id");
  gint64 organization_id = *(gint64 *)g_object_get_data (G_OBJECT (row), "organization-id");
  CoalitionStatus status = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "status"));

  add_to_map (self, person_id, organization_id, status, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

static void
add_match (CoalitionMapPage *self,
           const char       *name,
           const char       *subtitle,
           gint64            person_id,
           gint64            organization_id,
           CoalitionStatus   status)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (person_id ? "avatar-default-symbolic" : "system-users-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "person-id", g_memdup2 (&person_id, sizeof person_id), g_free);
  g_object_set_data_full (G_OBJECT (row), "organization-id", g_memdup2 (&organization_id, sizeof organization_id),
                          g_free);
  g_object_set_data (G_OBJECT (row), "status", GINT_TO_POINTER (status));
  gtk_list_box_append (self->add_results, row);
}

static void
search_changed_cb (GtkSearchEntry   *entry,
                   CoalitionMapPage *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *folded = g_utf8_casefold (query, -1);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) organizations = NULL;
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->add_results))) != NULL)
    gtk_list_box_remove (self->add_results, child);
  if (self->store == NULL || *g_strstrip (folded) == '\0')
    return;

  organizations = coalition_store_list_organizations (self->store, NULL);
  for (guint i = 0; organizations != NULL && i < organizations->len && n < MAX_MATCHES / 3; i++)
    {
      CoalitionOrganization *organization = organizations->pdata[i];
      g_autofree char *name = g_utf8_casefold (coalition_organization_get_name (organization), -1);

      if (strstr (name, folded) == NULL)
        continue;
      add_match (self, coalition_organization_get_name (organization), _("Organization"), 0,
                 coalition_organization_get_id (organization), coalition_organization_get_status (organization));
      n++;
    }

  ids = coalition_store_find_people (self->store, query, NULL);
  for (guint i = 0; ids != NULL && i < ids->len && n < MAX_MATCHES; i++, n++)
    {
      g_autoptr(CoalitionPerson) person = coalition_store_get_person (self->store, g_array_index (ids, gint64, i), NULL);
      g_autofree char *subtitle = NULL;
      const char *title, *organization;

      if (person == NULL)
        continue;
      title = coalition_person_get_title (person);
      organization = coalition_person_get_organization_name (person);
      subtitle = g_strjoin (", ", *title ? title : coalition_status_get_label (coalition_person_get_status (person)),
                            organization && *organization ? organization : NULL, NULL);
      add_match (self, coalition_person_get_display_name (person), subtitle, coalition_person_get_id (person), 0,
                 coalition_person_get_status (person));
    }
}

static void
search_activate_cb (GtkSearchEntry   *entry,
                    CoalitionMapPage *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->add_results, 0);

  if (first != NULL)
    match_activated_cb (self->add_results, first, self);
}

static void
new_decision_maker_response_cb (AdwMessageDialog *dialog,
                                const char       *response,
                                CoalitionMapPage *self)
{
  GtkEditable *name_entry = g_object_get_data (G_OBJECT (dialog), "name");
  GtkEditable *title_entry = g_object_get_data (G_OBJECT (dialog), "title");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (name_entry)));
  g_autoptr(CoalitionPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  const char *space;

  if (!g_str_equal (response, "add") || *name == '\0')
    return;
  person = coalition_person_new ();
  /* The last word is taken as the family name, the rest as given names. */
  space = strrchr (name, ' ');
  if (space != NULL)
    {
      g_autofree char *given = g_strndup (name, space - name);

      coalition_person_set_given_name (person, given);
      coalition_person_set_family_name (person, space + 1);
    }
  else
    coalition_person_set_family_name (person, name);
  coalition_person_set_display_name (person, name);
  coalition_person_set_title (person, gtk_editable_get_text (title_entry));
  coalition_person_set_status (person, COALITION_STATUS_TARGET);
  if (!coalition_store_insert_person (self->store, person, &error))
    {
      toast_error (self, error);
      return;
    }
  add_to_map (self, coalition_person_get_id (person), 0, COALITION_STATUS_TARGET, name);
}

static void
name_changed_cb (GtkEditable      *entry,
                 AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "add", *name != '\0');
}

static void
new_decision_maker_cb (GtkButton        *button,
                       CoalitionMapPage *self)
{
  GtkWidget *dialog, *list, *name, *title;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_popover_popdown (self->add_popover);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("New Decision Maker"),
                                   _("They are added to the directory as a target and placed on this map."));
  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  name = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (name), gtk_editable_get_text (GTK_EDITABLE (self->add_search)));
  title = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (title), _("Title (Council Member, District 3)"));
  gtk_list_box_append (GTK_LIST_BOX (list), name);
  gtk_list_box_append (GTK_LIST_BOX (list), title);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "add", _("_Add to Map"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "name", name);
  g_object_set_data (G_OBJECT (dialog), "title", title);
  g_signal_connect_object (name, "changed", G_CALLBACK (name_changed_cb), dialog, 0);
  name_changed_cb (GTK_EDITABLE (name), ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_decision_maker_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (name);
}

/* ---------------------------------------------------------------------- */
/* Maps: new, edit, delete; as of a date */

static void
map_dialog_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        CoalitionMapPage *self)
{
  GtkEditable *title = g_object_get_data (G_OBJECT (dialog), "title");
  GtkEditable *decision = g_object_get_data (G_OBJECT (dialog), "decision");
  gint64 map_id = *(gint64 *)g_object_get_data (G_OBJECT (dialog), "map-id");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "save"))
    return;
  if (map_id == 0)
    {
      map_id = coalition_store_create_map (self->store, gtk_editable_get_text (title),
                                           gtk_editable_get_text (decision), &error);
      if (map_id > 0)
        coalition_map_page_show_map (self, map_id);
    }
  else
    coalition_store_update_map (self->store, map_id, gtk_editable_get_text (title), gtk_editable_get_text (decision),
                                &error);
  toast_error (self, error);
}

static void
title_changed_cb (GtkEditable      *entry,
                  AdwMessageDialog *dialog)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "save", *title != '\0');
}

static void
map_dialog (CoalitionMapPage *self,
            gint64            map_id)
{
  g_autoptr(CoalitionPowerMap) map = map_id ? coalition_store_get_map (self->store, map_id, NULL) : NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog, *list, *title, *decision;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   map ? _("Edit Power Map") : _("New Power Map"),
                                   _("One map for each campaign issue: who decides, where they stand, and who can "
                                     "reach them."));
  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  title = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (title), _("Campaign Issue"));
  decision = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (decision), _("Decision Sought"));
  if (map != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (title), map->title);
      gtk_editable_set_text (GTK_EDITABLE (decision), map->decision);
    }
  gtk_list_box_append (GTK_LIST_BOX (list), title);
  gtk_list_box_append (GTK_LIST_BOX (list), decision);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "save", map ? _("_Save") : _("_Create"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "title", title);
  g_object_set_data (G_OBJECT (dialog), "decision", decision);
  g_object_set_data_full (G_OBJECT (dialog), "map-id", g_memdup2 (&map_id, sizeof map_id), g_free);
  g_signal_connect_object (title, "changed", G_CALLBACK (title_changed_cb), dialog, 0);
  title_changed_cb (GTK_EDITABLE (title), ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (map_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (title);
}

void
coalition_map_page_new_map (CoalitionMapPage *self)
{
  g_return_if_fail (COALITION_IS_MAP_PAGE (self));

  if (self->store != NULL)
    map_dialog (self, 0);
}

static void
new_map_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  coalition_map_page_new_map (COALITION_MAP_PAGE (widget));
}

static void
edit_map_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CoalitionMapPage *self = COALITION_MAP_PAGE (widget);

  if (self->map_id > 0)
    map_dialog (self, self->map_id);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    CoalitionMapPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 map_id = *(gint64 *)g_object_get_data (G_OBJECT (dialog), "map-id");

  if (g_str_equal (response, "delete") && !coalition_store_delete_map (self->store, map_id, &error))
    toast_error (self, error);
}

static void
delete_map_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CoalitionMapPage *self = COALITION_MAP_PAGE (widget);
  g_autoptr(CoalitionPowerMap) map = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  g_autofree char *heading = NULL;

  if (self->map_id == 0 || (map = coalition_store_get_map (self->store, self->map_id, NULL)) == NULL)
    return;
  heading = g_strdup_printf (_("Delete “%s”?"), map->title);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("The map, its relationships and its history are deleted. The people and "
                                     "organizations stay in the directory."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "map-id", g_memdup2 (&self->map_id, sizeof self->map_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CoalitionMapPage *self = COALITION_MAP_PAGE (widget);
  const char *how = g_variant_get_string (parameter, NULL);
  double width = gtk_widget_get_width (GTK_WIDGET (self->canvas)) / 2.0;
  double height = gtk_widget_get_height (GTK_WIDGET (self->canvas)) / 2.0;
  double zoom = coalition_map_canvas_get_zoom (self->canvas);

  if (g_str_equal (how, "in"))
    coalition_map_canvas_set_zoom (self->canvas, zoom * 1.25, width, height);
  else if (g_str_equal (how, "out"))
    coalition_map_canvas_set_zoom (self->canvas, zoom / 1.25, width, height);
  else
    coalition_map_canvas_fit (self->canvas);
}

void
coalition_map_page_set_as_of (CoalitionMapPage *self,
                              const char       *date)
{
  g_autofree char *today = NULL;

  g_return_if_fail (COALITION_IS_MAP_PAGE (self));

  today = coalition_store_today ();
  g_clear_pointer (&self->as_of, g_free);
  if (date != NULL && g_strcmp0 (date, today) < 0)
    self->as_of = g_strdup (date);
  if (self->as_of != NULL)
    {
      g_autofree char *day = format_date (self->as_of);
      /* Translators: a banner over the map when it shows the past */
      g_autofree char *text = g_strdup_printf (_("The map as it stood on %s"), day);

      gtk_label_set_text (self->as_of_label, text);
      gtk_menu_button_set_label (self->as_of_button, day);
    }
  else
    gtk_menu_button_set_label (self->as_of_button, _("Today"));
  gtk_widget_set_visible (self->as_of_banner, self->as_of != NULL);
  reload (self);
}

static void
day_selected_cb (GtkCalendar      *calendar,
                 CoalitionMapPage *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");

  coalition_map_page_set_as_of (self, iso);
  gtk_menu_button_popdown (self->as_of_button);
}

static void
back_to_today_cb (GtkButton        *button,
                  CoalitionMapPage *self)
{
  coalition_map_page_set_as_of (self, NULL);
  gtk_menu_button_popdown (self->as_of_button);
}

/* ---------------------------------------------------------------------- */
/* Export and print */

static void
export_response_cb (GtkNativeDialog  *chooser,
                    int               response,
                    CoalitionMapPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(CoalitionPowerMap) map = coalition_store_get_map (self->store, self->map_id, NULL);
      CoalitionMapScene *scene = coalition_map_canvas_get_scene (self->canvas);
      g_autoptr(GError) error = NULL;

      if (map != NULL && scene != NULL
          && coalition_map_scene_write (scene, map->title, map->decision, path, 0, 0, &error))
        {
          g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);
          toast (self, message);
        }
      else
        toast_error (self, error);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CoalitionMapPage *self = COALITION_MAP_PAGE (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  g_autoptr(CoalitionPowerMap) map = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *chooser;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->map_id == 0 || (map = coalition_store_get_map (self->store, self->map_id, NULL)) == NULL)
    return;
  suggested = g_strdup_printf ("%s.%s", map->title, format);
  g_strdelimit (suggested, "/\\:", '-');
  chooser = gtk_file_chooser_native_new (_("Export Power Map"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  if (g_str_equal (format, "png"))
    {
      gtk_file_filter_set_name (filter, _("PNG images"));
      gtk_file_filter_add_mime_type (filter, "image/png");
    }
  else if (g_str_equal (format, "svg"))
    {
      gtk_file_filter_set_name (filter, _("SVG images"));
      gtk_file_filter_add_mime_type (filter, "image/svg+xml");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

typedef struct
{
  CoalitionMapScene *scene;
  char              *title;
  char              *decision;
} MapPrinting;

static void
map_printing_free (MapPrinting *printing)
{
  coalition_map_scene_free (printing->scene);
  g_free (printing->title);
  g_free (printing->decision);
  g_free (printing);
}

static void
draw_map_page_cb (GtkPrintOperation *operation,
                  GtkPrintContext   *context,
                  int                page,
                  MapPrinting       *printing)
{
  coalition_map_scene_draw_page (printing->scene, gtk_print_context_get_cairo_context (context), printing->title,
                                 printing->decision, gtk_print_context_get_width (context),
                                 gtk_print_context_get_height (context));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CoalitionMapPage *self = COALITION_MAP_PAGE (widget);
  g_autoptr(CoalitionPowerMap) map = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  MapPrinting *printing;

  if (self->map_id == 0 || (map = coalition_store_get_map (self->store, self->map_id, NULL)) == NULL
      || coalition_map_canvas_get_scene (self->canvas) == NULL)
    return;
  printing = g_new0 (MapPrinting, 1);
  /* Its own copy of the map as shown: the page may reload meanwhile. */
  printing->scene = coalition_map_scene_new (self->nodes, self->edges);
  printing->title = g_strdup (map->title);
  printing->decision = g_strdup (map->decision);
  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "printing", printing, (GDestroyNotify)map_printing_free);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, map->title);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_map_page_cb), printing);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    toast_error (self, error);
}

/* ---------------------------------------------------------------------- */
/* Public */

void
coalition_map_page_show_map (CoalitionMapPage *self,
                             gint64            map_id)
{
  g_return_if_fail (COALITION_IS_MAP_PAGE (self));

  if (map_id != self->map_id)
    {
      coalition_map_canvas_set_scene (self->canvas, NULL);
      self->map_id = map_id;
    }
  reload (self);
}

gint64
coalition_map_page_get_map_id (CoalitionMapPage *self)
{
  g_return_val_if_fail (COALITION_IS_MAP_PAGE (self), 0);

  return self->map_id;
}

CoalitionMapCanvas *
coalition_map_page_get_canvas (CoalitionMapPage *self)
{
  g_return_val_if_fail (COALITION_IS_MAP_PAGE (self), NULL);

  return self->canvas;
}

void
coalition_map_page_set_store (CoalitionMapPage *self,
                              CoalitionStore   *store)
{
  g_return_if_fail (COALITION_IS_MAP_PAGE (self));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  self->map_id = 0;
  if (store != NULL)
    {
      g_autoptr(GPtrArray) maps = coalition_store_list_maps (store, NULL);

      g_signal_connect_object (store, "map-changed", G_CALLBACK (map_changed_cb), self, 0);
      g_signal_connect_object (store, "person-changed", G_CALLBACK (map_changed_cb), self, 0);
      g_signal_connect_object (store, "person-removed", G_CALLBACK (map_changed_cb), self, 0);
      g_signal_connect_object (store, "organization-changed", G_CALLBACK (map_changed_cb), self, 0);
      g_signal_connect_object (store, "organization-removed", G_CALLBACK (map_changed_cb), self, 0);
      /* The first map, so that the page opens on something. */
      if (maps != NULL && maps->len > 0)
        self->map_id = ((CoalitionPowerMap *)maps->pdata[0])->id;
    }
  coalition_map_canvas_set_scene (self->canvas, NULL);
  reload (self);
}

/* ---------------------------------------------------------------------- */
/* Building */

static GtkWidget *
build_list_side (CoalitionMapPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  gtk_widget_set_size_request (box, 240, -1);
  self->map_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->map_list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->map_list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Power maps"), -1);
  g_signal_connect_object (self->map_list, "row-selected", G_CALLBACK (map_selected_cb), self, 0);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->map_list));
  gtk_widget_set_vexpand (scroller, TRUE);

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_New Power Map…"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "map.new");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_margin_start (button, 6);
  gtk_widget_set_margin_end (button, 6);
  gtk_widget_set_margin_top (button, 6);
  gtk_widget_set_margin_bottom (button, 6);

  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

static GtkWidget *
build_add_popover (CoalitionMapPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *create = gtk_button_new_with_mnemonic (_("New _Decision Maker…"));

  self->add_popover = GTK_POPOVER (gtk_popover_new ());
  self->add_search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->add_search, "placeholder-text", _("Search the directory"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search the directory"), -1);
  g_signal_connect_object (self->add_search, "search-changed", G_CALLBACK (search_changed_cb), self, 0);
  g_signal_connect_object (self->add_search, "activate", G_CALLBACK (search_activate_cb), self, 0);
  self->add_results = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->add_results, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->add_results), "boxed-list");
  g_signal_connect_object (self->add_results, "row-activated", G_CALLBACK (match_activated_cb), self, 0);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->add_results));
  g_signal_connect_object (create, "clicked", G_CALLBACK (new_decision_maker_cb), self, 0);

  gtk_widget_set_size_request (box, 340, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->add_search));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), create);
  gtk_popover_set_child (self->add_popover, box);
  gtk_popover_set_default_widget (self->add_popover, NULL);
  return GTK_WIDGET (self->add_popover);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *action,
             const char *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);
  g_autofree char *detailed = target ? g_strdup_printf ("%s::%s", action, target) : g_strdup (action);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (button), detailed);
  return button;
}

static GtkWidget *
build_toolbar (CoalitionMapPage *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add = gtk_menu_button_new ();
  GtkWidget *views = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *as_of_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *as_of_popover = gtk_popover_new ();
  GtkWidget *today = gtk_button_new_with_mnemonic (_("Back to _Today"));
  GtkWidget *more = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) export = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (bar, "toolbar");

  gtk_menu_button_set_label (GTK_MENU_BUTTON (add), _("_Add to Map"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (add), TRUE);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (add), build_add_popover (self));
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_widget_set_tooltip_text (add, _("Place people and organizations from the directory, or a new decision maker"));
  coalition_accessible_label_menu_button (GTK_MENU_BUTTON (add));

  self->canvas_toggle = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_button_set_icon_name (GTK_BUTTON (self->canvas_toggle), "view-grid-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->canvas_toggle), _("The Map"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas_toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, _("The Map"), -1);
  self->table_toggle = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_button_set_icon_name (GTK_BUTTON (self->table_toggle), "view-list-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->table_toggle), _("The Same People as a Table, to Sort and to Read"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table_toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The Same People as a Table, to Sort and to Read"), -1);
  gtk_toggle_button_set_group (self->table_toggle, self->canvas_toggle);
  gtk_toggle_button_set_active (self->canvas_toggle, TRUE);
  gtk_widget_add_css_class (views, "linked");
  gtk_box_append (GTK_BOX (views), GTK_WIDGET (self->canvas_toggle));
  gtk_box_append (GTK_BOX (views), GTK_WIDGET (self->table_toggle));

  self->as_of_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_label (self->as_of_button, _("Today"));
  gtk_menu_button_set_always_show_arrow (self->as_of_button, TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->as_of_button), _("Show the map as it stood on another day"));
  coalition_accessible_label_menu_button (self->as_of_button);
  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self, 0);
  g_signal_connect_object (today, "clicked", G_CALLBACK (back_to_today_cb), self, 0);
  gtk_box_append (GTK_BOX (as_of_box), GTK_WIDGET (self->calendar));
  gtk_box_append (GTK_BOX (as_of_box), today);
  gtk_popover_set_child (GTK_POPOVER (as_of_popover), as_of_box);
  gtk_menu_button_set_popover (self->as_of_button, as_of_popover);

  g_menu_append (export, _("Export as _PNG…"), "map.export::png");
  g_menu_append (export, _("Export as _SVG…"), "map.export::svg");
  g_menu_append (export, _("Export as P_DF…"), "map.export::pdf");
  g_menu_append (export, _("_Print…"), "map.print");
  g_menu_append (edit, _("_Edit Title and Decision…"), "map.edit");
  g_menu_append (edit, _("_Delete Map…"), "map.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (export));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (more, _("Export, Print, Edit or Delete the Map"));
  coalition_accessible_label_menu_button (GTK_MENU_BUTTON (more));

  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (bar), add);
  gtk_box_append (GTK_BOX (bar), views);
  gtk_box_append (GTK_BOX (bar), spacer);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->as_of_button));
  gtk_box_append (GTK_BOX (bar), more);

  /* In a window narrower than the toolbar (a phone, a translation with long
   * words) it scrolls sideways rather than widen the window. */
  {
    GtkWidget *scroller = gtk_scrolled_window_new ();

    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
    gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
    gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), bar);
    return scroller;
  }
}

/* The table */

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

typedef enum { COLUMN_NAME, COLUMN_ROLE, COLUMN_STANCE, COLUMN_INFLUENCE, COLUMN_RELATIONSHIPS, COLUMN_CHANGED } Column;

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  MapRow *row = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  switch (GPOINTER_TO_INT (data))
    {
    case COLUMN_NAME:
      text = *row->node->detail ? g_strdup_printf ("%s (%s)", row->node->name, row->node->detail)
                                : g_strdup (row->node->name);
      break;
    case COLUMN_ROLE:
      text = g_strdup (coalition_map_role_get_label (row->node->role));
      break;
    case COLUMN_STANCE:
      text = g_strdup (coalition_stance_get_label (row->node->stance));
      break;
    case COLUMN_INFLUENCE:
      text = g_strdup (coalition_influence_get_label (row->node->influence));
      break;
    case COLUMN_RELATIONSHIPS:
      text = g_strdup_printf ("%u", row->n_relationships);
      break;
    case COLUMN_CHANGED:
    default:
      text = format_date (row->node->changed_on);
      break;
    }
  gtk_label_set_text (label, text);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  const MapRow *x = a, *y = b;

  switch (GPOINTER_TO_INT (data))
    {
    case COLUMN_ROLE: return (int)x->node->role - (int)y->node->role;
    case COLUMN_STANCE: return x->node->stance - y->node->stance;
    case COLUMN_INFLUENCE: return x->node->influence - y->node->influence;
    case COLUMN_RELATIONSHIPS: return (int)x->n_relationships - (int)y->n_relationships;
    case COLUMN_CHANGED: return g_strcmp0 (x->node->changed_on, y->node->changed_on);
    case COLUMN_NAME:
    default:
      return g_utf8_collate (x->node->name, y->node->name);
    }
}

static void
table_activate_cb (GtkColumnView    *view,
                   guint             position,
                   CoalitionMapPage *self)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr(MapRow) row = g_list_model_get_item (model, position);

  if (row != NULL)
    {
      coalition_map_canvas_select (self->canvas, row->node->id);
      adw_flap_set_reveal_flap (self->flap, TRUE);
    }
}

static GtkWidget *
build_table (CoalitionMapPage *self)
{
  const struct { const char *title; gboolean expand; } columns[] = {
    [COLUMN_NAME] = { N_("Name"), TRUE },
    [COLUMN_ROLE] = { N_("Role"), FALSE },
    [COLUMN_STANCE] = { N_("Stance"), FALSE },
    [COLUMN_INFLUENCE] = { N_("Influence"), FALSE },
    [COLUMN_RELATIONSHIPS] = { N_("Relationships"), FALSE },
    [COLUMN_CHANGED] = { N_("Last Change"), FALSE },
  };
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;

  self->rows = g_list_store_new (MAP_ROW_TYPE);
  self->table = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                    g_object_ref (gtk_column_view_get_sorter (self->table)));
  selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows, GINT_TO_POINTER (i), NULL));

      g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
      gtk_column_view_append_column (self->table, column);
      if (i == COLUMN_INFLUENCE)
        gtk_column_view_sort_by_column (self->table, column, GTK_SORT_DESCENDING);
      g_object_unref (column);
    }
  gtk_column_view_set_single_click_activate (self->table, FALSE);
  g_signal_connect_object (self->table, "activate", G_CALLBACK (table_activate_cb), self, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("People and organizations on the map"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->table));
  return scroller;
}

static void
view_toggled_cb (GtkToggleButton  *button,
                 CoalitionMapPage *self)
{
  gtk_stack_set_visible_child_name (self->views, gtk_toggle_button_get_active (self->table_toggle) ? "table" : "canvas");
}

static AdwPreferencesGroup *
new_group (GtkWidget  *box,
           const char *title,
           const char *description)
{
  GtkWidget *group = coalition_preferences_group_new (title, description);

  gtk_box_append (GTK_BOX (box), group);
  return ADW_PREFERENCES_GROUP (group);
}

static AdwComboRow *
combo_row (const char         *title,
           const char * const *items)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) list = gtk_string_list_new (items);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  return ADW_COMBO_ROW (row);
}

static GtkWidget *
labelled (const char *label,
          GtkWidget  *widget)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  if (GTK_IS_DROP_DOWN (widget))
    coalition_accessible_label_drop_down (GTK_DROP_DOWN (widget), label);
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return row;
}

static void
setup_short_label_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 6);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_list_item_set_child (item, label);
}

static void
bind_string_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

static GtkWidget *
build_details (CoalitionMapPage *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  AdwPreferencesGroup *place, *add;
  GtkWidget *add_button, *remove;
  const char *stances[] = { coalition_stance_get_label (-2), coalition_stance_get_label (-1),
                            coalition_stance_get_label (0), coalition_stance_get_label (1),
                            coalition_stance_get_label (2), NULL };
  const char *influences[] = { coalition_influence_get_label (4), coalition_influence_get_label (3),
                               coalition_influence_get_label (2), coalition_influence_get_label (1),
                               coalition_influence_get_label (0), NULL };
  const char *kinds[COALITION_RELATIONSHIP_LAST + 2] = { NULL };
  const char *strengths[] = { _("Weak"), _("Moderate"), _("Strong"), NULL };
  const char *directions[] = { _("From them"), _("To them"), _("Both ways"), NULL };

  for (int k = 0; k <= COALITION_RELATIONSHIP_LAST; k++)
    kinds[k] = coalition_relationship_kind_get_label (k);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 24);

  self->node_name = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->node_name), "title-2");
  gtk_label_set_wrap (self->node_name, TRUE);
  gtk_label_set_xalign (self->node_name, 0);
  gtk_label_set_selectable (self->node_name, TRUE);
  self->node_detail = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->node_detail), "dim-label");
  gtk_label_set_wrap (self->node_detail, TRUE);
  gtk_label_set_xalign (self->node_detail, 0);
  {
    GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

    gtk_box_append (GTK_BOX (heading), GTK_WIDGET (self->node_name));
    gtk_box_append (GTK_BOX (heading), GTK_WIDGET (self->node_detail));
    gtk_box_append (GTK_BOX (box), heading);
  }

  place = new_group (box, _("Where They Stand"), _("Drag them on the map, or use the arrow keys there"));
  self->stance_row = combo_row (_("Stance"), stances);
  self->influence_row = combo_row (_("Influence"), influences);
  self->note_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_row), _("Why They Moved (for the Next Move)"));
  g_signal_connect_object (self->stance_row, "notify::selected", G_CALLBACK (cell_row_changed_cb), self, 0);
  g_signal_connect_object (self->influence_row, "notify::selected", G_CALLBACK (cell_row_changed_cb), self, 0);
  adw_preferences_group_add (place, GTK_WIDGET (self->stance_row));
  adw_preferences_group_add (place, GTK_WIDGET (self->influence_row));
  adw_preferences_group_add (place, GTK_WIDGET (self->note_row));

  self->reach_group = new_group (box, _("Who Can Reach Them"),
                                 _("The shortest chains of relationships from members of the coalition"));

  self->relationships_group = new_group (box, _("Relationships"), NULL);

  add = new_group (box, _("Add a Relationship"), NULL);
  self->other_node = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_drop_down_set_enable_search (self->other_node, TRUE);
  gtk_drop_down_set_expression (self->other_node,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

    /* The chosen name shrinks with the pane; the list shows names whole. */
    g_signal_connect (factory, "setup", G_CALLBACK (setup_short_label_cb), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (bind_string_cb), NULL);
    gtk_drop_down_set_factory (self->other_node, factory);
  }
  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (bind_string_cb), NULL);
    gtk_drop_down_set_list_factory (self->other_node, factory);
  }
  self->relationship_kind = combo_row (_("Kind"), kinds);
  self->relationship_strength = combo_row (_("Strength"), strengths);
  adw_combo_row_set_selected (self->relationship_strength, 1);
  self->relationship_direction = combo_row (_("Direction"), directions);
  self->relationship_note = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->relationship_note), _("Note"));
  adw_preferences_group_add (add, labelled (_("With"), GTK_WIDGET (self->other_node)));
  adw_preferences_group_add (add, GTK_WIDGET (self->relationship_kind));
  adw_preferences_group_add (add, GTK_WIDGET (self->relationship_strength));
  adw_preferences_group_add (add, GTK_WIDGET (self->relationship_direction));
  adw_preferences_group_add (add, GTK_WIDGET (self->relationship_note));
  add_button = gtk_button_new_with_mnemonic (_("Add _Relationship"));
  gtk_widget_set_halign (add_button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (add_button, 6);
  g_signal_connect_object (add_button, "clicked", G_CALLBACK (add_relationship_cb), self, 0);
  adw_preferences_group_add (add, add_button);

  self->history_group = new_group (box, _("How They Moved"), NULL);

  remove = gtk_button_new_with_mnemonic (_("Take _Off the Map"));
  gtk_widget_add_css_class (remove, "destructive-action");
  gtk_widget_set_halign (remove, GTK_ALIGN_CENTER);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_node_cb), self, 0);
  gtk_box_append (GTK_BOX (box), remove);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_widget_set_size_request (scroller, 320, -1);
  gtk_widget_add_css_class (scroller, "background");
  return scroller;
}

static void
back_clicked_cb (GtkButton        *button,
                 CoalitionMapPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static GtkWidget *
build_map_side (CoalitionMapPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *hint = adw_status_page_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *none = adw_status_page_new ();
  GtkWidget *new_button = gtk_button_new_with_mnemonic (_("_New Power Map…"));
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *title_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->content = GTK_STACK (gtk_stack_new ());

  gtk_widget_add_css_class (new_button, "pill");
  gtk_widget_add_css_class (new_button, "suggested-action");
  gtk_widget_set_halign (new_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (new_button), "map.new");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "find-location-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Power Maps Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Make one map for each campaign issue: place the decision makers by where they "
                                     "stand and how much say they have, and draw the relationships through which "
                                     "the coalition can reach them."));
  adw_status_page_set_child (ADW_STATUS_PAGE (empty), new_button);
  gtk_stack_add_named (self->content, empty, "empty");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (none), "find-location-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (none), _("Choose a Power Map"));
  gtk_stack_add_named (self->content, none, "none");

  /* The title, the decision sought, the toolbar, then the map. */
  gtk_widget_set_tooltip_text (back, _("Back to the Maps"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back to the Maps"), -1);
  gtk_widget_add_css_class (back, "flat");
  gtk_widget_set_valign (back, GTK_ALIGN_START);
  g_signal_connect_object (back, "clicked", G_CALLBACK (back_clicked_cb), self, 0);
  g_object_bind_property (self->leaflet, "folded", back, "visible", G_BINDING_SYNC_CREATE);
  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "title-2");
  gtk_label_set_xalign (self->title, 0);
  gtk_label_set_wrap (self->title, TRUE);
  self->decision = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->decision), "dim-label");
  gtk_label_set_xalign (self->decision, 0);
  gtk_label_set_wrap (self->decision, TRUE);
  gtk_box_append (GTK_BOX (heading), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (heading), GTK_WIDGET (self->decision));
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_box_append (GTK_BOX (title_row), back);
  gtk_box_append (GTK_BOX (title_row), heading);
  gtk_widget_set_margin_start (title_row, 12);
  gtk_widget_set_margin_end (title_row, 12);
  gtk_widget_set_margin_top (title_row, 12);
  gtk_box_append (GTK_BOX (box), title_row);
  gtk_box_append (GTK_BOX (box), build_toolbar (self));

  self->as_of_banner = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (self->as_of_banner, "as-of-banner");
  self->as_of_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->as_of_label), TRUE);
  gtk_label_set_xalign (self->as_of_label, 0);
  gtk_box_append (GTK_BOX (self->as_of_banner), GTK_WIDGET (self->as_of_label));
  {
    GtkWidget *today = gtk_button_new_with_mnemonic (_("Back to _Today"));

    g_signal_connect_object (today, "clicked", G_CALLBACK (back_to_today_cb), self, 0);
    gtk_box_append (GTK_BOX (self->as_of_banner), today);
  }
  gtk_widget_set_visible (self->as_of_banner, FALSE);
  gtk_box_append (GTK_BOX (box), self->as_of_banner);

  self->canvas = COALITION_MAP_CANVAS (coalition_map_canvas_new ());
  g_signal_connect_object (self->canvas, "selection-changed", G_CALLBACK (selection_changed_cb), self, 0);
  g_signal_connect_object (self->canvas, "node-moved", G_CALLBACK (node_moved_cb), self, 0);
  g_signal_connect_object (self->canvas, "node-activated", G_CALLBACK (node_activated_cb), self, 0);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (self->canvas));
  adw_status_page_set_title (ADW_STATUS_PAGE (hint), _("Who Decides?"));
  adw_status_page_set_description (ADW_STATUS_PAGE (hint),
                                   _("Add to Map the decision makers, the people close to them, and the members and "
                                     "allies who know them."));
  gtk_widget_set_can_target (hint, FALSE);
  /* The zoom buttons float over the map's corner, as in GNOME Maps. */
  {
    GtkWidget *zoom = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

    gtk_widget_add_css_class (zoom, "linked");
    gtk_widget_add_css_class (zoom, "osd");
    gtk_widget_set_halign (zoom, GTK_ALIGN_END);
    gtk_widget_set_valign (zoom, GTK_ALIGN_END);
    gtk_widget_set_margin_end (zoom, 12);
    gtk_widget_set_margin_bottom (zoom, 12);
    gtk_box_append (GTK_BOX (zoom), icon_button ("zoom-in-symbolic", _("Zoom In (+)"), "map.zoom", "in"));
    gtk_box_append (GTK_BOX (zoom), icon_button ("zoom-fit-best-symbolic", _("Fit to Window (0)"), "map.zoom", "fit"));
    gtk_box_append (GTK_BOX (zoom), icon_button ("zoom-out-symbolic", _("Zoom Out (−)"), "map.zoom", "out"));
    gtk_overlay_add_overlay (GTK_OVERLAY (overlay), zoom);
  }
  gtk_widget_set_valign (hint, GTK_ALIGN_CENTER);
  self->empty_hint = hint;
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), hint);

  self->views = GTK_STACK (gtk_stack_new ());
  /* So that the details fold over the map before it is squeezed out. */
  gtk_widget_set_size_request (GTK_WIDGET (self->views), 340, -1);
  gtk_stack_add_named (self->views, overlay, "canvas");
  gtk_stack_add_named (self->views, build_table (self), "table");
  g_signal_connect_object (self->canvas_toggle, "toggled", G_CALLBACK (view_toggled_cb), self, 0);

  self->flap = ADW_FLAP (adw_flap_new ());
  adw_flap_set_flap_position (self->flap, GTK_PACK_END);
  adw_flap_set_content (self->flap, GTK_WIDGET (self->views));
  adw_flap_set_flap (self->flap, build_details (self));
  adw_flap_set_separator (self->flap, gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  adw_flap_set_reveal_flap (self->flap, FALSE);
  /* Shown when someone is chosen, whatever the width of the window. */
  adw_flap_set_locked (self->flap, TRUE);
  adw_flap_set_swipe_to_open (self->flap, FALSE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->flap), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->flap));

  gtk_stack_add_named (self->content, box, "map");
  gtk_widget_set_hexpand (GTK_WIDGET (self->content), TRUE);
  return GTK_WIDGET (self->content);
}

/* ---------------------------------------------------------------------- */
/* GObject */

static void
coalition_map_page_dispose (GObject *object)
{
  CoalitionMapPage *self = COALITION_MAP_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  if (self->leaflet != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->leaflet));
      self->leaflet = NULL;
    }
  g_clear_pointer (&self->nodes, g_ptr_array_unref);
  g_clear_pointer (&self->edges, g_ptr_array_unref);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (coalition_map_page_parent_class)->dispose (object);
}

static void
coalition_map_page_finalize (GObject *object)
{
  CoalitionMapPage *self = COALITION_MAP_PAGE (object);

  g_free (self->as_of);
  g_array_unref (self->map_ids);
  g_array_unref (self->other_ids);
  g_ptr_array_unref (self->relationship_rows);
  g_ptr_array_unref (self->reach_rows);
  g_ptr_array_unref (self->history_rows);

  G_OBJECT_CLASS (coalition_map_page_parent_class)->finalize (object);
}

static void
coalition_map_page_class_init (CoalitionMapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = coalition_map_page_dispose;
  object_class->finalize = coalition_map_page_finalize;

  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "map.new", NULL, new_map_action);
  gtk_widget_class_install_action (widget_class, "map.edit", NULL, edit_map_action);
  gtk_widget_class_install_action (widget_class, "map.delete", NULL, delete_map_action);
  gtk_widget_class_install_action (widget_class, "map.zoom", "s", zoom_action);
  gtk_widget_class_install_action (widget_class, "map.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "map.print", NULL, print_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
coalition_map_page_init (CoalitionMapPage *self)
{
  GtkWidget *list_side, *map_side;

  self->map_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->other_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->relationship_rows = g_ptr_array_new ();
  self->reach_rows = g_ptr_array_new ();
  self->history_rows = g_ptr_array_new ();
  self->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify)coalition_map_node_free);
  self->edges = g_ptr_array_new_with_free_func ((GDestroyNotify)coalition_map_edge_free);

  self->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_navigate_back (self->leaflet, TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->leaflet), GTK_WIDGET (self));

  list_side = build_list_side (self);
  map_side = build_map_side (self);
  adw_leaflet_page_set_name (adw_leaflet_append (self->leaflet, list_side), "list");
  adw_leaflet_page_set_navigatable (adw_leaflet_append (self->leaflet, gtk_separator_new (GTK_ORIENTATION_VERTICAL)),
                                    FALSE);
  adw_leaflet_page_set_name (adw_leaflet_append (self->leaflet, map_side), "map");
  adw_leaflet_set_visible_child_name (self->leaflet, "map");
  g_signal_connect_swapped (map_side, "map", G_CALLBACK (gtk_widget_queue_draw), self->canvas);
}
