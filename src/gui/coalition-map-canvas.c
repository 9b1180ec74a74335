/* coalition-map-canvas.c — the power map drawn in a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Redrawing thousands of lines at every frame is too slow in software, so
 * the canvas keeps what does not change in a picture: the map as seen at
 * the current zoom, over the visible area and half a screen around it,
 * kept in one render node from frame to frame, so that GTK repaints only
 * what changed around it. Panning moves that picture, and a new one is
 * drawn in a thread before the view leaves it; zooming stretches it until
 * the gesture rests, then a sharp one is drawn in a thread while the
 * stretched one stays; dragging a node draws the node and its
 * relationships in a small node of their own over the picture, while a
 * picture without the node is drawn in a thread.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "coalition-map-canvas.h"

#define MIN_ZOOM 0.05
#define MAX_ZOOM 4.0
#define SETTLE_MS 160      /* after the last pan or zoom step, draw sharp again */
#define SCROLL_STEP 48.0   /* pixels per step of a mouse wheel */

struct _CoalitionMapCanvas
{
  GtkWidget          parent_instance;

  CoalitionMapScene *scene;
  double             zoom;
  double             view_x, view_y;   /* the map point at the widget's top left */
  gboolean           need_fit;
  gboolean           fitted;      /* as fitted: follows the size of the widget */

  /* The picture: the map at cache_zoom from (cache_x, cache_y) in map
   * units, cache_width × cache_height device pixels, as it was when
   * generation was cache_generation; and the same in a render node. */
  cairo_surface_t   *cache;
  GskRenderNode     *cache_node;
  double             cache_zoom, cache_x, cache_y;
  int                cache_width, cache_height, cache_scale_factor;
  guint              cache_generation;
  guint              generation;     /* counts the changes of what the map shows */
  guint              settle_id;
  gboolean           stepped;        /* a pan or zoom step since the last frame */

  /* A picture drawn in a thread; one at a time. */
  GCancellable      *render_cancellable;
  gboolean           rendering;

  /* Dragging */
  enum { DRAG_NONE, DRAG_PAN, DRAG_NODE } drag;
  double             drag_start_x, drag_start_y;   /* widget */
  double             drag_view_x, drag_view_y;     /* the view when it began */
  double             node_x, node_y;               /* the dragged node, map units */
  double             node_start_x, node_start_y;
  gint64             drag_node;

  double             pointer_x, pointer_y;
  double             pinch_zoom;
};

G_DEFINE_FINAL_TYPE (CoalitionMapCanvas, coalition_map_canvas, GTK_TYPE_WIDGET)

enum {
  NODE_MOVED,
  NODE_ACTIVATED,
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the map shows has changed: the picture is drawn again before the
 * next frame. */
static void
invalidate_cache (CoalitionMapCanvas *self)
{
  self->generation++;
  g_clear_pointer (&self->cache, cairo_surface_destroy);
  g_clear_pointer (&self->cache_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The same, but the old picture is shown until a new one is drawn in a
 * thread. */
static void
refresh_cache (CoalitionMapCanvas *self)
{
  self->generation++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The view has rested: the next frame draws a sharp picture in a thread
 * if the one shown is stretched. */
static gboolean
settle_cb (gpointer data)
{
  CoalitionMapCanvas *self = data;

  self->settle_id = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* Runs once the frame that shows a step is painted: the view rests if no
 * step follows for a while. */
static gboolean
arm_settle_cb (gpointer data)
{
  CoalitionMapCanvas *self = data;

  self->settle_id = g_timeout_add (SETTLE_MS, settle_cb, self);
  return G_SOURCE_REMOVE;
}

/* A pan or zoom step: the picture is reused as it is until things rest,
 * counted from the end of the frame that shows the step, so that a slow
 * frame does not count as rest. */
static void
moved (CoalitionMapCanvas *self)
{
  self->stepped = TRUE;
  g_clear_handle_id (&self->settle_id, g_source_remove);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
coalition_map_canvas_widget_to_map (CoalitionMapCanvas *self,
                                    double              wx,
                                    double              wy,
                                    double             *mx,
                                    double             *my)
{
  *mx = self->view_x + wx / self->zoom;
  *my = self->view_y + wy / self->zoom;
}

void
coalition_map_canvas_map_to_widget (CoalitionMapCanvas *self,
                                    double              mx,
                                    double              my,
                                    double             *wx,
                                    double             *wy)
{
  *wx = (mx - self->view_x) * self->zoom;
  *wy = (my - self->view_y) * self->zoom;
}

/* Keeps some of the map in the window, whatever the pan. */
static void
clamp_view (CoalitionMapCanvas *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)) / self->zoom;
  double height = gtk_widget_get_height (GTK_WIDGET (self)) / self->zoom;
  double map_width, map_height;

  if (self->scene == NULL)
    return;
  map_width = coalition_map_scene_get_width (self->scene);
  map_height = coalition_map_scene_get_height (self->scene);
  self->view_x = CLAMP (self->view_x, -width * 0.75, map_width - width * 0.25);
  self->view_y = CLAMP (self->view_y, -height * 0.75, map_height - height * 0.25);
}

void
coalition_map_canvas_set_zoom (CoalitionMapCanvas *self,
                               double              zoom,
                               double              anchor_x,
                               double              anchor_y)
{
  double mx, my;

  g_return_if_fail (COALITION_IS_MAP_CANVAS (self));

  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  if (zoom == self->zoom)
    return;
  coalition_map_canvas_widget_to_map (self, anchor_x, anchor_y, &mx, &my);
  self->fitted = FALSE;
  self->zoom = zoom;
  self->view_x = mx - anchor_x / zoom;
  self->view_y = my - anchor_y / zoom;
  clamp_view (self);
  moved (self);
}

double
coalition_map_canvas_get_zoom (CoalitionMapCanvas *self)
{
  return self->zoom;
}

void
coalition_map_canvas_pan (CoalitionMapCanvas *self,
                          double              dx,
                          double              dy)
{
  g_return_if_fail (COALITION_IS_MAP_CANVAS (self));

  self->fitted = FALSE;
  self->view_x += dx / self->zoom;
  self->view_y += dy / self->zoom;
  clamp_view (self);
  moved (self);
}

void
coalition_map_canvas_fit (CoalitionMapCanvas *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double map_width, map_height;

  g_return_if_fail (COALITION_IS_MAP_CANVAS (self));

  if (self->scene == NULL || width <= 1 || height <= 1)
    {
      self->need_fit = TRUE;
      return;
    }
  self->need_fit = FALSE;
  self->fitted = TRUE;
  map_width = coalition_map_scene_get_width (self->scene);
  map_height = coalition_map_scene_get_height (self->scene);
  /* A little room around it, and on the right for the zoom buttons. */
  self->zoom = CLAMP (MIN ((width - 56) / map_width, (height - 12) / map_height), MIN_ZOOM, MAX_ZOOM);
  self->view_x = (map_width - (width - 44) / self->zoom) / 2;
  self->view_y = (map_height - height / self->zoom) / 2;
  invalidate_cache (self);
}

/* Brings a node into view when the keyboard reaches it. */
static void
reveal_node (CoalitionMapCanvas *self,
             gint64              node_id)
{
  double x, y, wx, wy;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->scene == NULL || !coalition_map_scene_get_node_position (self->scene, node_id, &x, &y))
    return;
  coalition_map_canvas_map_to_widget (self, x, y, &wx, &wy);
  if (wx < 40 || wy < 40 || wx > width - 60 || wy > height - 60)
    {
      self->fitted = FALSE;
      self->view_x = x - width / self->zoom / 2;
      self->view_y = y - height / self->zoom / 2;
      clamp_view (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
update_accessible (CoalitionMapCanvas *self)
{
  const CoalitionMapNode *node = self->scene ? coalition_map_scene_find_node (self->scene,
                                                                              coalition_map_scene_get_selected (self->scene))
                                             : NULL;
  g_autofree char *description = NULL;

  if (node != NULL)
    /* Translators: what a screen reader says of the chosen node: name, role, stance, influence */
    description = g_strdup_printf (_("%s, %s: %s, %s"), node->name, coalition_map_role_get_label (node->role),
                                   coalition_stance_get_label (node->stance),
                                   coalition_influence_get_label (node->influence));
  else
    description = g_strdup (_("Nothing chosen. Tab goes from node to node; the arrow keys move the chosen one."));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

/* With @now, the next frame shows the new choice; else the old picture
 * stays until the new one is drawn in a thread (when a drag begins, the
 * dragged node is drawn chosen on top anyway). */
static void
select_node (CoalitionMapCanvas *self,
             gint64              node_id,
             gboolean            now)
{
  if (self->scene == NULL || coalition_map_scene_get_selected (self->scene) == node_id)
    return;
  if (node_id != 0 && coalition_map_scene_find_node (self->scene, node_id) == NULL)
    node_id = 0;
  coalition_map_scene_set_selected (self->scene, node_id);
  if (now)
    invalidate_cache (self);
  else
    refresh_cache (self);
  update_accessible (self);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

void
coalition_map_canvas_select (CoalitionMapCanvas *self,
                             gint64              node_id)
{
  g_return_if_fail (COALITION_IS_MAP_CANVAS (self));

  select_node (self, node_id, TRUE);
}

gint64
coalition_map_canvas_get_selected (CoalitionMapCanvas *self)
{
  g_return_val_if_fail (COALITION_IS_MAP_CANVAS (self), 0);

  return self->scene ? coalition_map_scene_get_selected (self->scene) : 0;
}

void
coalition_map_canvas_set_scene (CoalitionMapCanvas *self,
                                CoalitionMapScene  *scene)
{
  gint64 selected;

  g_return_if_fail (COALITION_IS_MAP_CANVAS (self));

  selected = coalition_map_canvas_get_selected (self);
  if (self->scene == NULL)
    self->need_fit = TRUE;
  g_clear_pointer (&self->scene, coalition_map_scene_free);
  self->scene = scene;
  if (scene != NULL)
    {
      if (selected != 0 && coalition_map_scene_find_node (scene, selected) != NULL)
        coalition_map_scene_set_selected (scene, selected);
      else if (selected != 0)
        g_signal_emit (self, signals[SELECTION_CHANGED], 0);
    }
  if (self->need_fit)
    coalition_map_canvas_fit (self);
  invalidate_cache (self);
  update_accessible (self);
}

CoalitionMapScene *
coalition_map_canvas_get_scene (CoalitionMapCanvas *self)
{
  return self->scene;
}

/* ---------------------------------------------------------------------- */
/* Drawing */

/* A picture to draw: the visible area of a view and half a window around
 * it, at that view's zoom. */
typedef struct
{
  GWeakRef           canvas;
  CoalitionMapScene *scene;        /* a copy, when drawn in a thread */
  double             zoom, x, y;
  int                width, height, scale_factor;   /* device pixels */
  guint              generation;
  cairo_surface_t   *surface;
} Picture;

static void
picture_free (Picture *picture)
{
  g_weak_ref_clear (&picture->canvas);
  g_clear_pointer (&picture->scene, coalition_map_scene_free);
  g_clear_pointer (&picture->surface, cairo_surface_destroy);
  g_free (picture);
}

static Picture *
picture_new (CoalitionMapCanvas *self,
             int                 width,
             int                 height)
{
  Picture *picture = g_new0 (Picture, 1);

  g_weak_ref_init (&picture->canvas, self);
  picture->scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  picture->zoom = self->zoom;
  picture->x = self->view_x - width / 2.0 / self->zoom;
  picture->y = self->view_y - height / 2.0 / self->zoom;
  picture->width = width * 2 * picture->scale_factor;
  picture->height = height * 2 * picture->scale_factor;
  picture->generation = self->generation;
  return picture;
}

/* Runs in any thread: @scene is not shared with another. */
static void
picture_draw (Picture           *picture,
              CoalitionMapScene *scene)
{
  double scale = picture->zoom * picture->scale_factor;
  cairo_rectangle_t visible = {
    picture->x, picture->y, picture->width / scale, picture->height / scale,
  };
  cairo_t *cr;

  picture->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, picture->width, picture->height);
  cr = cairo_create (picture->surface);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -picture->x, -picture->y);
  coalition_map_scene_draw (scene, cr, scale, &visible, COALITION_MAP_DRAW_ALL);
  cairo_destroy (cr);
  cairo_surface_flush (picture->surface);
}

static void
install_picture (CoalitionMapCanvas *self,
                 Picture            *picture)
{
  cairo_t *cr;

  g_clear_pointer (&self->cache, cairo_surface_destroy);
  g_clear_pointer (&self->cache_node, gsk_render_node_unref);
  self->cache = g_steal_pointer (&picture->surface);
  self->cache_zoom = picture->zoom;
  self->cache_x = picture->x;
  self->cache_y = picture->y;
  self->cache_width = picture->width;
  self->cache_height = picture->height;
  self->cache_scale_factor = picture->scale_factor;
  self->cache_generation = picture->generation;

  /* One node for all frames: GTK leaves alone what a node it has already
   * drawn covers, and repaints only the nodes that are new. */
  self->cache_node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, (float)picture->width / picture->scale_factor,
                                                              (float)picture->height / picture->scale_factor));
  cr = gsk_cairo_node_get_draw_context (self->cache_node);
  cairo_scale (cr, 1.0 / picture->scale_factor, 1.0 / picture->scale_factor);
  cairo_set_source_surface (cr, self->cache, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
}

static void
render_now (CoalitionMapCanvas *self,
            int                 width,
            int                 height)
{
  Picture *picture = picture_new (self, width, height);

  picture_draw (picture, self->scene);
  install_picture (self, picture);
  picture_free (picture);
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Picture *picture = task_data;

  if (!g_cancellable_is_cancelled (cancellable))
    picture_draw (picture, picture->scene);
  g_task_return_boolean (task, TRUE);
}

static void
rendered_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Picture *picture = g_task_get_task_data (G_TASK (result));
  g_autoptr(CoalitionMapCanvas) self = g_weak_ref_get (&picture->canvas);

  if (self == NULL || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  self->rendering = FALSE;
  /* A picture of what the map no longer shows is of no use; the next frame
   * asks for another. */
  if (picture->surface != NULL && picture->generation == self->generation)
    install_picture (self, picture);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Draws a picture of the view as it is in a thread, unless one is being
 * drawn already. */
static void
render_in_background (CoalitionMapCanvas *self,
                      int                 width,
                      int                 height)
{
  g_autoptr(GTask) task = NULL;
  Picture *picture;

  if (self->rendering)
    return;
  picture = picture_new (self, width, height);
  picture->scene = coalition_map_scene_copy (self->scene);
  if (self->render_cancellable == NULL)
    self->render_cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->render_cancellable, rendered_cb, NULL);
  g_task_set_source_tag (task, render_in_background);
  g_task_set_task_data (task, picture, (GDestroyNotify)picture_free);
  self->rendering = TRUE;
  g_task_run_in_thread (task, render_thread);
}

/* The picture, stretched to the current zoom if it is not at it, covers
 * the view. */
static gboolean
cache_covers (CoalitionMapCanvas *self,
              int                 width,
              int                 height)
{
  double cache_right = self->cache_x + self->cache_width / (self->cache_zoom * self->cache_scale_factor);
  double cache_bottom = self->cache_y + self->cache_height / (self->cache_zoom * self->cache_scale_factor);

  return self->cache != NULL && self->cache_scale_factor == gtk_widget_get_scale_factor (GTK_WIDGET (self))
         && self->view_x >= self->cache_x && self->view_y >= self->cache_y
         && self->view_x + width / self->zoom <= cache_right
         && self->view_y + height / self->zoom <= cache_bottom;
}

/* The view is within a quarter of a window of the picture's edge: time to
 * draw the next one, before it is needed. */
static gboolean
cache_nearly_left (CoalitionMapCanvas *self,
                   int                 width,
                   int                 height)
{
  double margin_x = width / 4.0 / self->zoom, margin_y = height / 4.0 / self->zoom;
  double cache_right = self->cache_x + self->cache_width / (self->cache_zoom * self->cache_scale_factor);
  double cache_bottom = self->cache_y + self->cache_height / (self->cache_zoom * self->cache_scale_factor);

  return self->view_x - margin_x < self->cache_x || self->view_y - margin_y < self->cache_y
         || self->view_x + width / self->zoom + margin_x > cache_right
         || self->view_y + height / self->zoom + margin_y > cache_bottom;
}

static void
coalition_map_canvas_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  CoalitionMapCanvas *self = COALITION_MAP_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double ratio;

  if (self->scene == NULL || width <= 0 || height <= 0)
    return;
  if (self->need_fit)
    coalition_map_canvas_fit (self);
  if (self->stepped)
    {
      self->stepped = FALSE;
      g_clear_handle_id (&self->settle_id, g_source_remove);
      /* Idles of this priority run after the frame is painted. */
      self->settle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, arm_settle_cb, self, NULL);
    }

  /* Drawn here and now only when there is nothing to show: no picture, or
   * the view has left it. While a zoom goes on the picture stretches; once
   * it rests, or when what the map shows has changed, or when a pan nears
   * the picture's edge, the next is drawn in a thread. */
  if (!cache_covers (self, width, height))
    render_now (self, width, height);
  else if (self->cache_generation != self->generation
           || (self->cache_zoom != self->zoom && self->settle_id == 0)
           || (self->cache_zoom == self->zoom && cache_nearly_left (self, width, height)))
    render_in_background (self, width, height);

  ratio = self->zoom / self->cache_zoom;
  if (ratio == 1.0)
    {
      /* On whole device pixels: the picture is copied, not resampled. */
      double scale_factor = self->cache_scale_factor;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (round ((self->cache_x - self->view_x) * self->zoom * scale_factor)
                                                      / scale_factor,
                                                    round ((self->cache_y - self->view_y) * self->zoom * scale_factor)
                                                      / scale_factor));
      gtk_snapshot_append_node (snapshot, self->cache_node);
      gtk_snapshot_restore (snapshot);
    }
  else
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

      cairo_translate (cr, (self->cache_x - self->view_x) * self->zoom, (self->cache_y - self->view_y) * self->zoom);
      cairo_scale (cr, ratio / self->cache_scale_factor, ratio / self->cache_scale_factor);
      cairo_set_source_surface (cr, self->cache, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_FAST);
      cairo_paint (cr);
      cairo_destroy (cr);
    }

  /* The dragged node and its relationships in a node of their own, as
   * small as they are: only that area is painted again at each step. */
  if (self->drag == DRAG_NODE)
    {
      cairo_rectangle_t extents;
      graphene_rect_t bounds;
      cairo_t *cr;

      coalition_map_scene_get_node_extents (self->scene, self->zoom, self->drag_node, self->node_x, self->node_y,
                                            &extents);
      graphene_rect_init (&bounds, floor ((extents.x - self->view_x) * self->zoom),
                          floor ((extents.y - self->view_y) * self->zoom), ceil (extents.width * self->zoom) + 1,
                          ceil (extents.height * self->zoom) + 1);
      if (graphene_rect_intersection (&bounds, &GRAPHENE_RECT_INIT (0, 0, width, height), &bounds))
        {
          cr = gtk_snapshot_append_cairo (snapshot, &bounds);
          cairo_scale (cr, self->zoom, self->zoom);
          cairo_translate (cr, -self->view_x, -self->view_y);
          coalition_map_scene_draw_node_at (self->scene, cr, self->zoom, self->drag_node, self->node_x,
                                            self->node_y);
          cairo_destroy (cr);
        }
    }
}

/* ---------------------------------------------------------------------- */
/* Dragging */

void
coalition_map_canvas_drag_begin (CoalitionMapCanvas *self,
                                 double              wx,
                                 double              wy)
{
  double mx, my;
  gint64 hit;

  g_return_if_fail (COALITION_IS_MAP_CANVAS (self));

  if (self->scene == NULL)
    return;
  coalition_map_canvas_widget_to_map (self, wx, wy, &mx, &my);
  hit = coalition_map_scene_hit (self->scene, mx, my);
  self->drag_start_x = wx;
  self->drag_start_y = wy;
  if (hit != 0)
    {
      self->drag = DRAG_NODE;
      self->drag_node = hit;
      coalition_map_scene_get_node_position (self->scene, hit, &self->node_start_x, &self->node_start_y);
      self->node_x = self->node_start_x;
      self->node_y = self->node_start_y;
      select_node (self, hit, FALSE);
      /* The picture without the node, drawn once in a thread for the
       * whole drag; until it is there, the node stays where it was too. */
      coalition_map_scene_set_hidden (self->scene, hit);
      refresh_cache (self);
    }
  else
    {
      self->drag = DRAG_PAN;
      self->drag_view_x = self->view_x;
      self->drag_view_y = self->view_y;
    }
}

void
coalition_map_canvas_drag_update (CoalitionMapCanvas *self,
                                  double              offset_x,
                                  double              offset_y)
{
  g_return_if_fail (COALITION_IS_MAP_CANVAS (self));

  if (self->drag == DRAG_NODE)
    {
      self->node_x = self->node_start_x + offset_x / self->zoom;
      self->node_y = self->node_start_y + offset_y / self->zoom;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  else if (self->drag == DRAG_PAN)
    {
      if (fabs (offset_x) >= 3 || fabs (offset_y) >= 3)
        self->fitted = FALSE;
      self->view_x = self->drag_view_x - offset_x / self->zoom;
      self->view_y = self->drag_view_y - offset_y / self->zoom;
      clamp_view (self);
      moved (self);
    }
}

void
coalition_map_canvas_drag_end (CoalitionMapCanvas *self,
                               double              offset_x,
                               double              offset_y)
{
  g_return_if_fail (COALITION_IS_MAP_CANVAS (self));

  if (self->drag == DRAG_NODE)
    {
      const CoalitionMapNode *node = coalition_map_scene_find_node (self->scene, self->drag_node);
      gint64 node_id = self->drag_node;
      int stance, influence;

      coalition_map_canvas_drag_update (self, offset_x, offset_y);
      self->drag = DRAG_NONE;
      self->drag_node = 0;
      coalition_map_scene_set_hidden (self->scene, 0);
      /* The size may have changed under the drag (the details opened). */
      if (self->fitted)
        coalition_map_canvas_fit (self);
      invalidate_cache (self);
      if (node != NULL && coalition_map_scene_cell_at (self->scene, self->node_x, self->node_y, &stance, &influence)
          && (stance != node->stance || influence != node->influence))
        g_signal_emit (self, signals[NODE_MOVED], 0, node_id, stance, influence);
    }
  else if (self->drag == DRAG_PAN)
    {
      coalition_map_canvas_drag_update (self, offset_x, offset_y);
      self->drag = DRAG_NONE;
      /* A click on the background, not a pan: nothing chosen. */
      if (fabs (offset_x) < 3 && fabs (offset_y) < 3)
        coalition_map_canvas_select (self, 0);
    }
}

static void
drag_begin_cb (GtkGestureDrag     *gesture,
               double              x,
               double              y,
               CoalitionMapCanvas *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  coalition_map_canvas_drag_begin (self, x, y);
}

static void
drag_update_cb (GtkGestureDrag     *gesture,
                double              x,
                double              y,
                CoalitionMapCanvas *self)
{
  coalition_map_canvas_drag_update (self, x, y);
}

static void
drag_end_cb (GtkGestureDrag     *gesture,
             double              x,
             double              y,
             CoalitionMapCanvas *self)
{
  coalition_map_canvas_drag_end (self, x, y);
}

static void
pressed_cb (GtkGestureClick    *gesture,
            int                 n_press,
            double              x,
            double              y,
            CoalitionMapCanvas *self)
{
  double mx, my;
  gint64 hit;

  if (n_press != 2 || self->scene == NULL)
    return;
  coalition_map_canvas_widget_to_map (self, x, y, &mx, &my);
  hit = coalition_map_scene_hit (self->scene, mx, my);
  if (hit != 0)
    g_signal_emit (self, signals[NODE_ACTIVATED], 0, hit);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           CoalitionMapCanvas       *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
}

/* Ctrl+wheel zooms around the pointer; the wheel alone pans. */
static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           CoalitionMapCanvas       *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  gboolean discrete = event && gdk_scroll_event_get_direction (event) != GDK_SCROLL_SMOOTH;

  if (self->scene == NULL)
    return FALSE;
  if (state & GDK_CONTROL_MASK)
    coalition_map_canvas_set_zoom (self, self->zoom * pow (1.15, -dy), self->pointer_x, self->pointer_y);
  else if (state & GDK_SHIFT_MASK)
    coalition_map_canvas_pan (self, dy * (discrete ? SCROLL_STEP : 1), dx * (discrete ? SCROLL_STEP : 1));
  else
    coalition_map_canvas_pan (self, dx * (discrete ? SCROLL_STEP : 1), dy * (discrete ? SCROLL_STEP : 1));
  return TRUE;
}

static void
zoom_begin_cb (GtkGesture         *gesture,
               GdkEventSequence   *sequence,
               CoalitionMapCanvas *self)
{
  self->pinch_zoom = self->zoom;
}

static void
scale_changed_cb (GtkGestureZoom     *gesture,
                  double              scale,
                  CoalitionMapCanvas *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  coalition_map_canvas_set_zoom (self, self->pinch_zoom * scale, x, y);
}

/* The whole name, title and place of the node under the pointer. */
static gboolean
query_tooltip_cb (GtkWidget          *widget,
                  int                 x,
                  int                 y,
                  gboolean            keyboard,
                  GtkTooltip         *tooltip,
                  CoalitionMapCanvas *self)
{
  const CoalitionMapNode *node;
  g_autofree char *text = NULL;
  double mx, my;

  if (self->scene == NULL || keyboard || self->drag != DRAG_NONE)
    return FALSE;
  coalition_map_canvas_widget_to_map (self, x, y, &mx, &my);
  node = coalition_map_scene_find_node (self->scene, coalition_map_scene_hit (self->scene, mx, my));
  if (node == NULL)
    return FALSE;
  text = g_strdup_printf ("%s%s%s\n%s · %s", node->name, *node->detail ? "\n" : "", node->detail,
                          coalition_stance_get_label (node->stance), coalition_influence_get_label (node->influence));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Keyboard */

typedef struct
{
  gint64 id;
  double x, y;
} Stop;

static int
compare_stops (gconstpointer a,
               gconstpointer b)
{
  const Stop *x = a, *y = b;

  if (fabs (x->y - y->y) > 1)
    return x->y < y->y ? -1 : 1;
  return x->x < y->x ? -1 : x->x > y->x;
}

/* Tab goes through the nodes as they are read: row by row, left to right.
 * At either end it leaves the map, to the rest of the window. */
static gboolean
select_next (CoalitionMapCanvas *self,
             gboolean            backwards)
{
  guint n = coalition_map_scene_get_n_nodes (self->scene);
  g_autofree Stop *stops = g_new (Stop, MAX (n, 1));
  gint64 selected = coalition_map_scene_get_selected (self->scene);
  int current = -1, next;

  if (n == 0)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      stops[i].id = coalition_map_scene_get_node (self->scene, i)->id;
      coalition_map_scene_get_node_position (self->scene, stops[i].id, &stops[i].x, &stops[i].y);
    }
  qsort (stops, n, sizeof *stops, compare_stops);
  for (guint i = 0; i < n; i++)
    if (stops[i].id == selected)
      current = i;
  next = current < 0 ? (backwards ? (int)n - 1 : 0) : current + (backwards ? -1 : 1);
  if (next < 0 || next >= (int)n)
    return FALSE;
  coalition_map_canvas_select (self, stops[next].id);
  reveal_node (self, stops[next].id);
  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CoalitionMapCanvas    *self)
{
  const CoalitionMapNode *node;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int stance, influence;

  if (self->scene == NULL)
    return FALSE;
  state &= gtk_accelerator_get_default_mod_mask ();

  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if (state & GDK_CONTROL_MASK)
        return FALSE;
      return select_next (self, keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK));
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      coalition_map_canvas_set_zoom (self, self->zoom * 1.25, width / 2.0, height / 2.0);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      coalition_map_canvas_set_zoom (self, self->zoom / 1.25, width / 2.0, height / 2.0);
      return TRUE;
    case GDK_KEY_0:
    case GDK_KEY_KP_0:
      coalition_map_canvas_fit (self);
      return TRUE;
    case GDK_KEY_Escape:
      if (coalition_map_scene_get_selected (self->scene) == 0)
        return FALSE;
      coalition_map_canvas_select (self, 0);
      return TRUE;
    default:
      break;
    }

  node = coalition_map_scene_find_node (self->scene, coalition_map_scene_get_selected (self->scene));
  if (node == NULL)
    {
      /* Nothing chosen: the arrows pan. */
      switch (keyval)
        {
        case GDK_KEY_Left: coalition_map_canvas_pan (self, -SCROLL_STEP, 0); return TRUE;
        case GDK_KEY_Right: coalition_map_canvas_pan (self, SCROLL_STEP, 0); return TRUE;
        case GDK_KEY_Up: coalition_map_canvas_pan (self, 0, -SCROLL_STEP); return TRUE;
        case GDK_KEY_Down: coalition_map_canvas_pan (self, 0, SCROLL_STEP); return TRUE;
        default: return FALSE;
        }
    }

  stance = node->stance;
  influence = node->influence;
  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      g_signal_emit (self, signals[NODE_ACTIVATED], 0, node->id);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      stance--;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      stance++;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      influence++;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      influence--;
      break;
    default:
      return FALSE;
    }
  if (stance < COALITION_STANCE_MIN || stance > COALITION_STANCE_MAX
      || influence < COALITION_INFLUENCE_MIN || influence > COALITION_INFLUENCE_MAX)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }
  g_signal_emit (self, signals[NODE_MOVED], 0, node->id, stance, influence);
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* GObject */

static void
coalition_map_canvas_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  CoalitionMapCanvas *self = COALITION_MAP_CANVAS (widget);

  /* A fitted map stays fitted when the side pane opens or the window
   * changes size; else the chosen node stays in sight. */
  if (self->need_fit || (self->fitted && self->drag == DRAG_NONE))
    coalition_map_canvas_fit (self);
  else
    {
      invalidate_cache (self);
      if (self->scene != NULL && coalition_map_scene_get_selected (self->scene) != 0)
        reveal_node (self, coalition_map_scene_get_selected (self->scene));
    }
}

static void
coalition_map_canvas_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  *minimum = 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 560;
}

static void
coalition_map_canvas_dispose (GObject *object)
{
  CoalitionMapCanvas *self = COALITION_MAP_CANVAS (object);

  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_cancellable_cancel (self->render_cancellable);
  g_clear_object (&self->render_cancellable);
  self->rendering = FALSE;
  g_clear_pointer (&self->cache, cairo_surface_destroy);
  g_clear_pointer (&self->cache_node, gsk_render_node_unref);
  g_clear_pointer (&self->scene, coalition_map_scene_free);

  G_OBJECT_CLASS (coalition_map_canvas_parent_class)->dispose (object);
}

static void
coalition_map_canvas_class_init (CoalitionMapCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = coalition_map_canvas_dispose;
  widget_class->snapshot = coalition_map_canvas_snapshot;
  widget_class->size_allocate = coalition_map_canvas_size_allocate;
  widget_class->measure = coalition_map_canvas_measure;

  signals[NODE_MOVED] = g_signal_new ("node-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                      G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT, G_TYPE_INT);
  signals[NODE_ACTIVATED] = g_signal_new ("node-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                          NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                             NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "map-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
coalition_map_canvas_init (CoalitionMapCanvas *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *zoom = gtk_gesture_zoom_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->zoom = 1.0;
  self->need_fit = TRUE;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (zoom, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Power map"), -1);
  update_accessible (self);
}

GtkWidget *
coalition_map_canvas_new (void)
{
  return g_object_new (COALITION_TYPE_MAP_CANVAS, NULL);
}
