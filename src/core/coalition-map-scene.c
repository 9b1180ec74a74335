/* coalition-map-scene.c — a power map laid out on its grid and drawn with
 * cairo and Pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawing is shaped by cost: cairo 1.16's image backend rasterises one path
 * of many long lines (or many marks) 2.5 to 3 times slower than the same
 * shapes one at a time, so each edge is stroked and each mark filled on its
 * own; the arrowheads, small and many, are filled in one path; labels are
 * laid out with one reused PangoLayout and only where they can be read at
 * the current scale. Everything outside the visible rectangle is skipped.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "coalition-export.h"
#include "coalition-map-scene.h"

#define N_COLUMNS 5
#define N_ROWS 5
#define AXIS_LEFT 96.0      /* the influence labels */
#define AXIS_TOP 44.0       /* the stance labels */
#define MARGIN 12.0
#define MIN_CELL_WIDTH 200.0
#define MIN_CELL_HEIGHT 120.0
#define SLOT_WIDTH 100.0    /* a node with its two lines of label */
#define SLOT_HEIGHT 44.0
#define CELL_PADDING 10.0
#define RADIUS 8.0
#define NAME_SIZE 8.5       /* points, at 100 % */
#define DETAIL_SIZE 7.0
#define MIN_LABEL_PIXELS 6.5 /* smaller names are not drawn smaller */
#define HEADER_HEIGHT 84.0  /* title, decision sought and legend on a page */

typedef struct
{
  CoalitionMapNode *node;
  double            x, y;
} Placed;

typedef struct
{
  guint from, to;   /* indices into nodes */
  int   strength;
  gboolean directed;
} Link;

struct _CoalitionMapScene
{
  GPtrArray  *nodes;        /* CoalitionMapNode, owned */
  GArray     *placed;       /* Placed, parallel to nodes */
  GArray     *links;        /* Link */
  GHashTable *index;        /* node id → position + 1 */
  double      cell_width, cell_height;
  gint64      selected;
  gint64      hidden;
  GHashTable *path_nodes;   /* node id set */
  GHashTable *path_links;   /* "min:max" of node ids, as a set of 128-bit keys */
};

static guint
link_hash (gconstpointer key)
{
  const gint64 *pair = key;

  return g_int64_hash (&pair[0]) * 31 + g_int64_hash (&pair[1]);
}

static gboolean
link_equal (gconstpointer a,
            gconstpointer b)
{
  const gint64 *x = a, *y = b;

  return x[0] == y[0] && x[1] == y[1];
}

static gint64 *
link_key (gint64 a,
          gint64 b)
{
  gint64 *key = g_new (gint64, 2);

  key[0] = MIN (a, b);
  key[1] = MAX (a, b);
  return key;
}

static int
column_of (int stance)
{
  return CLAMP (stance, COALITION_STANCE_MIN, COALITION_STANCE_MAX) - COALITION_STANCE_MIN;
}

/* Row 0 is the top: those who decide. */
static int
row_of (int influence)
{
  return COALITION_INFLUENCE_MAX - CLAMP (influence, COALITION_INFLUENCE_MIN, COALITION_INFLUENCE_MAX);
}

void
coalition_map_scene_get_cell_rect (CoalitionMapScene *self,
                                   int                stance,
                                   int                influence,
                                   cairo_rectangle_t *rect)
{
  rect->x = MARGIN + AXIS_LEFT + column_of (stance) * self->cell_width;
  rect->y = MARGIN + AXIS_TOP + row_of (influence) * self->cell_height;
  rect->width = self->cell_width;
  rect->height = self->cell_height;
}

static guint
columns_for (guint n)
{
  /* Cells a little wider than tall: two label slots are about as wide
   * as they are high three times over. */
  return MAX (1, (guint)ceil (sqrt (n * 0.5)));
}

CoalitionMapScene *
coalition_map_scene_new (GPtrArray *nodes,
                         GPtrArray *edges)
{
  CoalitionMapScene *self = g_new0 (CoalitionMapScene, 1);
  GPtrArray *cells[N_COLUMNS * N_ROWS] = { NULL };
  guint most = 1;

  self->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify)coalition_map_node_free);
  self->placed = g_array_sized_new (FALSE, TRUE, sizeof (Placed), nodes ? nodes->len : 0);
  self->links = g_array_new (FALSE, FALSE, sizeof (Link));
  self->index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->path_nodes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->path_links = g_hash_table_new_full (link_hash, link_equal, g_free, NULL);

  for (guint i = 0; nodes != NULL && i < nodes->len; i++)
    {
      CoalitionMapNode *node = coalition_map_node_copy (nodes->pdata[i]);
      Placed placed = { node, 0, 0 };
      guint cell = row_of (node->influence) * N_COLUMNS + column_of (node->stance);

      if (g_hash_table_contains (self->index, &node->id))
        {
          coalition_map_node_free (node);
          continue;
        }
      g_ptr_array_add (self->nodes, node);
      g_array_append_val (self->placed, placed);
      g_hash_table_insert (self->index, g_memdup2 (&node->id, sizeof node->id), GUINT_TO_POINTER (self->nodes->len));
      if (cells[cell] == NULL)
        cells[cell] = g_ptr_array_new ();
      g_ptr_array_add (cells[cell], GUINT_TO_POINTER (self->nodes->len - 1));
      most = MAX (most, cells[cell]->len);
    }

  /* Every cell is as large as the most crowded one needs, so that the
   * grid stays a grid. */
  {
    guint columns = columns_for (most);
    guint rows = (most + columns - 1) / columns;

    self->cell_width = MAX (MIN_CELL_WIDTH, columns * SLOT_WIDTH + 2 * CELL_PADDING);
    self->cell_height = MAX (MIN_CELL_HEIGHT, rows * SLOT_HEIGHT + 2 * CELL_PADDING);
  }

  for (guint c = 0; c < N_COLUMNS * N_ROWS; c++)
    {
      cairo_rectangle_t rect;
      guint n, columns, rows;

      if (cells[c] == NULL)
        continue;
      n = cells[c]->len;
      columns = MIN (n, MAX (1, (guint)((self->cell_width - 2 * CELL_PADDING) / SLOT_WIDTH)));
      rows = (n + columns - 1) / columns;
      coalition_map_scene_get_cell_rect (self, (int)(c % N_COLUMNS) + COALITION_STANCE_MIN,
                                         COALITION_INFLUENCE_MAX - (int)(c / N_COLUMNS), &rect);
      for (guint k = 0; k < n; k++)
        {
          Placed *placed = &g_array_index (self->placed, Placed, GPOINTER_TO_UINT (cells[c]->pdata[k]));

          placed->x = rect.x + (rect.width - columns * SLOT_WIDTH) / 2 + ((k % columns) + 0.5) * SLOT_WIDTH;
          placed->y = rect.y + (rect.height - rows * SLOT_HEIGHT) / 2 + (k / columns) * SLOT_HEIGHT + RADIUS + 4;
        }
    }

  for (guint c = 0; c < N_COLUMNS * N_ROWS; c++)
    g_clear_pointer (&cells[c], g_ptr_array_unref);

  for (guint i = 0; edges != NULL && i < edges->len; i++)
    {
      CoalitionMapEdge *edge = edges->pdata[i];
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, &edge->from_node));
      guint to = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, &edge->to_node));
      Link link = { from - 1, to - 1, CLAMP (edge->strength, 1, 3), edge->directed };

      if (from > 0 && to > 0 && from != to)
        g_array_append_val (self->links, link);
    }

  return self;
}

static GHashTable *
copy_set (GHashTable     *set,
          GHashFunc       hash,
          GEqualFunc      equal,
          gsize           key_size)
{
  GHashTable *copy = g_hash_table_new_full (hash, equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (copy, g_memdup2 (key, key_size));
  return copy;
}

CoalitionMapScene *
coalition_map_scene_copy (CoalitionMapScene *self)
{
  CoalitionMapScene *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (CoalitionMapScene, 1);
  copy->nodes = g_ptr_array_new_full (self->nodes->len, (GDestroyNotify)coalition_map_node_free);
  copy->placed = g_array_copy (self->placed);
  copy->links = g_array_copy (self->links);
  copy->index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < self->nodes->len; i++)
    {
      CoalitionMapNode *node = coalition_map_node_copy (self->nodes->pdata[i]);

      g_ptr_array_add (copy->nodes, node);
      g_array_index (copy->placed, Placed, i).node = node;
      g_hash_table_insert (copy->index, g_memdup2 (&node->id, sizeof node->id), GUINT_TO_POINTER (i + 1));
    }
  copy->cell_width = self->cell_width;
  copy->cell_height = self->cell_height;
  copy->selected = self->selected;
  copy->hidden = self->hidden;
  copy->path_nodes = copy_set (self->path_nodes, g_int64_hash, g_int64_equal, sizeof (gint64));
  copy->path_links = copy_set (self->path_links, link_hash, link_equal, 2 * sizeof (gint64));
  return copy;
}

void
coalition_map_scene_free (CoalitionMapScene *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->nodes);
  g_array_unref (self->placed);
  g_array_unref (self->links);
  g_hash_table_unref (self->index);
  g_hash_table_unref (self->path_nodes);
  g_hash_table_unref (self->path_links);
  g_free (self);
}

double
coalition_map_scene_get_width (CoalitionMapScene *self)
{
  return 2 * MARGIN + AXIS_LEFT + N_COLUMNS * self->cell_width;
}

double
coalition_map_scene_get_height (CoalitionMapScene *self)
{
  return 2 * MARGIN + AXIS_TOP + N_ROWS * self->cell_height;
}

guint
coalition_map_scene_get_n_nodes (CoalitionMapScene *self)
{
  return self->nodes->len;
}

guint
coalition_map_scene_get_n_edges (CoalitionMapScene *self)
{
  return self->links->len;
}

const CoalitionMapNode *
coalition_map_scene_get_node (CoalitionMapScene *self,
                              guint              index)
{
  g_return_val_if_fail (index < self->nodes->len, NULL);

  return self->nodes->pdata[index];
}

const CoalitionMapNode *
coalition_map_scene_find_node (CoalitionMapScene *self,
                               gint64             node_id)
{
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, &node_id));

  return position > 0 ? self->nodes->pdata[position - 1] : NULL;
}

double
coalition_map_scene_get_node_radius (CoalitionMapScene *self)
{
  return RADIUS;
}

gboolean
coalition_map_scene_cell_at (CoalitionMapScene *self,
                             double             x,
                             double             y,
                             int               *stance,
                             int               *influence)
{
  double column = floor ((x - MARGIN - AXIS_LEFT) / self->cell_width);
  double row = floor ((y - MARGIN - AXIS_TOP) / self->cell_height);

  if (column < 0 || column >= N_COLUMNS || row < 0 || row >= N_ROWS)
    return FALSE;
  if (stance)
    *stance = (int)column + COALITION_STANCE_MIN;
  if (influence)
    *influence = COALITION_INFLUENCE_MAX - (int)row;
  return TRUE;
}

gboolean
coalition_map_scene_get_node_position (CoalitionMapScene *self,
                                       gint64             node_id,
                                       double            *x,
                                       double            *y)
{
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, &node_id));
  const Placed *placed;

  if (position == 0)
    return FALSE;
  placed = &g_array_index (self->placed, Placed, position - 1);
  if (x)
    *x = placed->x;
  if (y)
    *y = placed->y;
  return TRUE;
}

gint64
coalition_map_scene_hit (CoalitionMapScene *self,
                         double             x,
                         double             y)
{
  for (guint i = 0; i < self->placed->len; i++)
    {
      const Placed *placed = &g_array_index (self->placed, Placed, i);
      double dx = x - placed->x, dy = y - placed->y;

      /* The mark, or the two lines of label under it. */
      if (dx * dx + dy * dy <= (RADIUS + 3) * (RADIUS + 3)
          || (fabs (dx) <= SLOT_WIDTH / 2 - 3 && dy > 0 && dy <= RADIUS + 26))
        return placed->node->id;
    }
  return 0;
}

void
coalition_map_scene_set_selected (CoalitionMapScene *self,
                                  gint64             node_id)
{
  self->selected = node_id;
}

gint64
coalition_map_scene_get_selected (CoalitionMapScene *self)
{
  return self->selected;
}

void
coalition_map_scene_set_hidden (CoalitionMapScene *self,
                                gint64             node_id)
{
  self->hidden = node_id;
}

void
coalition_map_scene_set_paths (CoalitionMapScene *self,
                               GPtrArray         *paths)
{
  g_hash_table_remove_all (self->path_nodes);
  g_hash_table_remove_all (self->path_links);
  for (guint i = 0; paths != NULL && i < paths->len; i++)
    {
      GArray *path = paths->pdata[i];

      for (guint j = 0; j < path->len; j++)
        {
          gint64 id = g_array_index (path, gint64, j);

          g_hash_table_add (self->path_nodes, g_memdup2 (&id, sizeof id));
          if (j > 0)
            g_hash_table_add (self->path_links, link_key (g_array_index (path, gint64, j - 1), id));
        }
    }
}

/* ---------------------------------------------------------------------- */
/* Drawing */

typedef struct
{
  double r, g, b;
} Colour;

/* The GNOME palette: green for members, blue for allies, red for targets. */
static const Colour role_fill[] = {
  [COALITION_MAP_ROLE_OTHER] = { 0.60, 0.60, 0.59 },
  [COALITION_MAP_ROLE_MEMBER] = { 0.15, 0.64, 0.41 },
  [COALITION_MAP_ROLE_ALLY] = { 0.21, 0.52, 0.89 },
  [COALITION_MAP_ROLE_TARGET] = { 0.88, 0.11, 0.14 },
};

/* From against (red) through neutral (grey) to with us (green). */
static const Colour column_tint[N_COLUMNS] = {
  { 0.97, 0.86, 0.86 }, { 0.99, 0.93, 0.92 }, { 0.96, 0.96, 0.96 }, { 0.91, 0.97, 0.92 }, { 0.85, 0.95, 0.87 },
};

static gboolean
intersects (const cairo_rectangle_t *visible,
            double                   x0,
            double                   y0,
            double                   x1,
            double                   y1)
{
  if (visible == NULL)
    return TRUE;
  return MAX (x0, x1) >= visible->x && MIN (x0, x1) <= visible->x + visible->width
         && MAX (y0, y1) >= visible->y && MIN (y0, y1) <= visible->y + visible->height;
}

static PangoLayout *
new_layout (cairo_t    *cr,
            const char *font,
            double      size)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_font_description_set_absolute_size (description, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, description);
  return layout;
}

/* Shows @text centred on @x, at most @width wide and @lines lines high
 * (the rest shortened with "…"); returns its height. */
static double
show_centred (cairo_t     *cr,
              PangoLayout *layout,
              const char  *text,
              double       x,
              double       y,
              double       width,
              int          lines)
{
  PangoRectangle extents;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, -MAX (lines, 1));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_extents (layout, NULL, &extents);
  cairo_move_to (cr, x - width / 2, y);
  pango_cairo_show_layout (cr, layout);
  return extents.height;
}

static void
draw_grid (CoalitionMapScene       *self,
           cairo_t                 *cr,
           double                   scale)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, "Sans Bold", 11);
  double top = MARGIN + AXIS_TOP, left = MARGIN + AXIS_LEFT;
  double width = N_COLUMNS * self->cell_width, height = N_ROWS * self->cell_height;

  for (int c = 0; c < N_COLUMNS; c++)
    {
      /* The bands: the columns tinted by stance, the rows darker as
       * influence grows. */
      for (int r = 0; r < N_ROWS; r++)
        {
          double shade = 1.0 - 0.035 * (N_ROWS - 1 - r);

          cairo_set_source_rgb (cr, column_tint[c].r * shade, column_tint[c].g * shade, column_tint[c].b * shade);
          cairo_rectangle (cr, left + c * self->cell_width, top + r * self->cell_height, self->cell_width,
                           self->cell_height);
          cairo_fill (cr);
        }
    }

  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_set_line_width (cr, 1.0 / MAX (scale, 0.25));
  for (int c = 0; c <= N_COLUMNS; c++)
    {
      cairo_move_to (cr, left + c * self->cell_width, top);
      cairo_line_to (cr, left + c * self->cell_width, top + height);
    }
  for (int r = 0; r <= N_ROWS; r++)
    {
      cairo_move_to (cr, left, top + r * self->cell_height);
      cairo_line_to (cr, left + width, top + r * self->cell_height);
    }
  cairo_stroke (cr);

  /* The axes, in words, large enough to read at any zoom. */
  {
    double size = MAX (11, 11 / MAX (scale, 0.05) * 0.9);
    g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans Bold");

    pango_font_description_set_absolute_size (font, MIN (size, AXIS_TOP * 0.5) * PANGO_SCALE);
    pango_layout_set_font_description (layout, font);
  }
  cairo_set_source_rgba (cr, 0, 0, 0, 0.75);
  for (int c = 0; c < N_COLUMNS; c++)
    show_centred (cr, layout, coalition_stance_get_label (c + COALITION_STANCE_MIN),
                  left + (c + 0.5) * self->cell_width, MARGIN + 8, self->cell_width - 8, 1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  for (int r = 0; r < N_ROWS; r++)
    {
      int text_height;

      pango_layout_set_text (layout, coalition_influence_get_label (COALITION_INFLUENCE_MAX - r), -1);
      pango_layout_set_width (layout, (int)((AXIS_LEFT - 12) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
      pango_layout_set_height (layout, -3);
      pango_layout_get_size (layout, NULL, &text_height);
      cairo_move_to (cr, MARGIN, top + (r + 0.5) * self->cell_height - text_height / (2.0 * PANGO_SCALE));
      pango_cairo_show_layout (cr, layout);
    }
}

static void
arrow_head (cairo_t *cr,
            double   x0,
            double   y0,
            double   x1,
            double   y1,
            double   size)
{
  double angle = atan2 (y1 - y0, x1 - x0);

  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x1 - size * cos (angle - 0.42), y1 - size * sin (angle - 0.42));
  cairo_line_to (cr, x1 - size * cos (angle + 0.42), y1 - size * sin (angle + 0.42));
  cairo_close_path (cr);
}

/* An edge from (x0, y0) to (x1, y1), cut back to the edges of the marks. */
static gboolean
trim (double *x0,
      double *y0,
      double *x1,
      double *y1)
{
  double dx = *x1 - *x0, dy = *y1 - *y0;
  double length = sqrt (dx * dx + dy * dy);

  if (length <= 2 * RADIUS + 1)
    return FALSE;
  *x0 += dx / length * RADIUS;
  *y0 += dy / length * RADIUS;
  *x1 -= dx / length * (RADIUS + 1);
  *y1 -= dy / length * (RADIUS + 1);
  return TRUE;
}

static const double strength_width[] = { 0, 0.8, 1.5, 2.4 };

static void
draw_links (CoalitionMapScene       *self,
            cairo_t                 *cr,
            double                   scale,
            const cairo_rectangle_t *visible,
            gboolean                 highlighted)
{
  gboolean arrows = scale * RADIUS >= 3;

  if (highlighted && g_hash_table_size (self->path_links) == 0)
    return;

  /* Each line stroked on its own: cairo's image backend rasterises a path
   * of thousands of long lines several times slower than the same lines
   * one by one. */
  for (int strength = 1; strength <= 3; strength++)
    {
      if (highlighted)
        cairo_set_source_rgba (cr, 0.90, 0.38, 0.0, 0.95);
      else
        cairo_set_source_rgba (cr, 0.24, 0.22, 0.27, 0.45);
      cairo_set_line_width (cr, MAX (strength_width[strength] + (highlighted ? 1.5 : 0), 0.6 / MAX (scale, 0.05)));
      for (guint i = 0; i < self->links->len; i++)
        {
          const Link *link = &g_array_index (self->links, Link, i);
          const Placed *from = &g_array_index (self->placed, Placed, link->from);
          const Placed *to = &g_array_index (self->placed, Placed, link->to);
          double x0 = from->x, y0 = from->y, x1 = to->x, y1 = to->y;

          if (link->strength != strength || !intersects (visible, x0, y0, x1, y1))
            continue;
          if (self->hidden != 0 && (from->node->id == self->hidden || to->node->id == self->hidden))
            continue;
          if (highlighted)
            {
              gint64 key[2] = { MIN (from->node->id, to->node->id), MAX (from->node->id, to->node->id) };

              if (!g_hash_table_contains (self->path_links, key))
                continue;
            }
          if (!trim (&x0, &y0, &x1, &y1))
            continue;
          cairo_move_to (cr, x0, y0);
          cairo_line_to (cr, x1, y1);
          cairo_stroke (cr);
        }
    }

  if (!arrows)
    return;
  for (guint i = 0; i < self->links->len; i++)
    {
      const Link *link = &g_array_index (self->links, Link, i);
      const Placed *from = &g_array_index (self->placed, Placed, link->from);
      const Placed *to = &g_array_index (self->placed, Placed, link->to);
      double x0 = from->x, y0 = from->y, x1 = to->x, y1 = to->y;

      if (!link->directed || !intersects (visible, x1 - 8, y1 - 8, x1 + 8, y1 + 8))
        continue;
      if (self->hidden != 0 && (from->node->id == self->hidden || to->node->id == self->hidden))
        continue;
      if (highlighted)
        {
          gint64 key[2] = { MIN (from->node->id, to->node->id), MAX (from->node->id, to->node->id) };

          if (!g_hash_table_contains (self->path_links, key))
            continue;
        }
      if (trim (&x0, &y0, &x1, &y1))
        arrow_head (cr, x0, y0, x1, y1, 5 + link->strength + (highlighted ? 2 : 0));
    }
  cairo_fill (cr);
}

static void
mark_path (cairo_t                *cr,
           const CoalitionMapNode *node,
           double                  x,
           double                  y,
           double                  r)
{
  if (node->organization_id > 0)
    {
      double corner = r * 0.35;

      cairo_new_sub_path (cr);
      cairo_arc (cr, x + r - corner, y - r + corner, corner, -G_PI / 2, 0);
      cairo_arc (cr, x + r - corner, y + r - corner, corner, 0, G_PI / 2);
      cairo_arc (cr, x - r + corner, y + r - corner, corner, G_PI / 2, G_PI);
      cairo_arc (cr, x - r + corner, y - r + corner, corner, G_PI, 3 * G_PI / 2);
      cairo_close_path (cr);
    }
  else
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
    }
}

static void
draw_marks (CoalitionMapScene       *self,
            cairo_t                 *cr,
            double                   scale,
            const cairo_rectangle_t *visible)
{
  double outline = MAX (1.0, 0.8 / MAX (scale, 0.05));

  /* Each mark filled and outlined on its own, as the relationships are
   * stroked: one path of many marks is slower to rasterise. */
  cairo_set_line_width (cr, outline);
  for (guint i = 0; i < self->placed->len; i++)
    {
      const Placed *placed = &g_array_index (self->placed, Placed, i);
      const CoalitionMapRole role = placed->node->role <= COALITION_MAP_ROLE_TARGET ? placed->node->role
                                                                                    : COALITION_MAP_ROLE_OTHER;

      if (placed->node->id == self->hidden
          || !intersects (visible, placed->x - RADIUS, placed->y - RADIUS, placed->x + RADIUS, placed->y + RADIUS))
        continue;
      mark_path (cr, placed->node, placed->x, placed->y, RADIUS);
      cairo_set_source_rgb (cr, role_fill[role].r, role_fill[role].g, role_fill[role].b);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.55);
      cairo_stroke (cr);
      /* Targets carry a ring as well, so that the look does not rest on colour. */
      if (role == COALITION_MAP_ROLE_TARGET)
        {
          mark_path (cr, placed->node, placed->x, placed->y, RADIUS * 0.45);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_fill (cr);
        }
    }

  /* The reach paths and the selection, on top. */
  if (g_hash_table_size (self->path_nodes) > 0)
    {
      for (guint i = 0; i < self->placed->len; i++)
        {
          const Placed *placed = &g_array_index (self->placed, Placed, i);

          if (g_hash_table_contains (self->path_nodes, &placed->node->id) && placed->node->id != self->hidden)
            mark_path (cr, placed->node, placed->x, placed->y, RADIUS + 3);
        }
      cairo_set_source_rgb (cr, 0.90, 0.38, 0.0);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);
    }
}

static void
draw_selection (CoalitionMapScene *self,
                cairo_t           *cr,
                double             x,
                double             y)
{
  const CoalitionMapNode *node = coalition_map_scene_find_node (self, self->selected);

  if (node == NULL)
    return;
  mark_path (cr, node, x, y, RADIUS + 5);
  cairo_set_source_rgb (cr, 0.11, 0.44, 0.85);
  cairo_set_line_width (cr, 3);
  cairo_stroke (cr);
}

/* The names under the nodes. At @scale where they would be smaller than
 * @min_pixels, the name alone is drawn at that size (shortened to its slot)
 * and the detail left out; @scale 0 draws them at their own size. */
static void
draw_labels (CoalitionMapScene       *self,
             cairo_t                 *cr,
             const cairo_rectangle_t *visible,
             double                   scale,
             gint64                   only,
             double                   only_x,
             double                   only_y)
{
  gboolean small = scale > 0 && scale * NAME_SIZE < MIN_LABEL_PIXELS;
  g_autoptr(PangoLayout) name = new_layout (cr, "Sans Bold", small ? MIN_LABEL_PIXELS / scale : NAME_SIZE);
  g_autoptr(PangoLayout) detail = new_layout (cr, "Sans", DETAIL_SIZE);

  for (guint i = 0; i < self->placed->len; i++)
    {
      const Placed *placed = &g_array_index (self->placed, Placed, i);
      double x = placed->x, y = placed->y, height;

      if (only != 0 && placed->node->id != only)
        continue;
      if (only != 0)
        {
          x = only_x;
          y = only_y;
        }
      else if (placed->node->id == self->hidden
               || !intersects (visible, x - SLOT_WIDTH / 2, y, x + SLOT_WIDTH / 2, y + RADIUS + 26))
        continue;
      /* On paper (@scale 0) a long name takes two lines, in place of the
       * detail: nothing can be hovered there to read the rest. */
      cairo_set_source_rgb (cr, 0.12, 0.12, 0.14);
      height = show_centred (cr, name, placed->node->name, x, y + RADIUS + 3, SLOT_WIDTH - 6, scale == 0 ? 2 : 1);
      if (!small && height < 14 && placed->node->detail != NULL && *placed->node->detail != '\0')
        {
          cairo_set_source_rgb (cr, 0.36, 0.36, 0.40);
          show_centred (cr, detail, placed->node->detail, x, y + RADIUS + 14, SLOT_WIDTH - 6, 1);
        }
    }
}

void
coalition_map_scene_draw (CoalitionMapScene       *self,
                          cairo_t                 *cr,
                          double                   scale,
                          const cairo_rectangle_t *visible,
                          CoalitionMapDrawFlags    flags)
{
  g_return_if_fail (self != NULL);

  cairo_save (cr);
  if (flags & COALITION_MAP_DRAW_GRID)
    draw_grid (self, cr, scale);
  if (flags & COALITION_MAP_DRAW_EDGES)
    {
      draw_links (self, cr, scale, visible, FALSE);
      draw_links (self, cr, scale, visible, TRUE);
    }
  if (flags & COALITION_MAP_DRAW_NODES)
    {
      double x, y;

      draw_marks (self, cr, scale, visible);
      if (self->selected != self->hidden && coalition_map_scene_get_node_position (self, self->selected, &x, &y))
        draw_selection (self, cr, x, y);
    }
  /* Names at a size that can be read, or none when even a short name
   * would not fit its slot. */
  if ((flags & COALITION_MAP_DRAW_LABELS) && scale * SLOT_WIDTH >= 36)
    draw_labels (self, cr, visible, scale, 0, 0, 0);
  cairo_restore (cr);
}

void
coalition_map_scene_draw_node_at (CoalitionMapScene *self,
                                  cairo_t           *cr,
                                  double             scale,
                                  gint64             node_id,
                                  double             x,
                                  double             y)
{
  const CoalitionMapNode *node = coalition_map_scene_find_node (self, node_id);
  const CoalitionMapRole role = node ? node->role : COALITION_MAP_ROLE_OTHER;
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, &node_id));

  if (node == NULL)
    return;

  cairo_save (cr);
  for (guint i = 0; i < self->links->len; i++)
    {
      const Link *link = &g_array_index (self->links, Link, i);
      const Placed *other;
      double x0, y0, x1, y1;

      if (link->from != position - 1 && link->to != position - 1)
        continue;
      other = &g_array_index (self->placed, Placed, link->from == position - 1 ? link->to : link->from);
      x0 = link->from == position - 1 ? x : other->x;
      y0 = link->from == position - 1 ? y : other->y;
      x1 = link->from == position - 1 ? other->x : x;
      y1 = link->from == position - 1 ? other->y : y;
      if (!trim (&x0, &y0, &x1, &y1))
        continue;
      cairo_move_to (cr, x0, y0);
      cairo_line_to (cr, x1, y1);
      cairo_set_source_rgba (cr, 0.24, 0.22, 0.27, 0.6);
      cairo_set_line_width (cr, strength_width[link->strength]);
      cairo_stroke (cr);
      if (link->directed)
        {
          arrow_head (cr, x0, y0, x1, y1, 5 + link->strength);
          cairo_fill (cr);
        }
    }

  mark_path (cr, node, x, y, RADIUS);
  cairo_set_source_rgb (cr, role_fill[role].r, role_fill[role].g, role_fill[role].b);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.55);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  if (role == COALITION_MAP_ROLE_TARGET)
    {
      mark_path (cr, node, x, y, RADIUS * 0.45);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill (cr);
    }
  if (self->selected == node_id)
    draw_selection (self, cr, x, y);
  if (scale * SLOT_WIDTH >= 36)
    draw_labels (self, cr, NULL, scale, node_id, x, y);
  cairo_restore (cr);
}

void
coalition_map_scene_get_node_extents (CoalitionMapScene *self,
                                      double             scale,
                                      gint64             node_id,
                                      double             x,
                                      double             y,
                                      cairo_rectangle_t *extents)
{
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, &node_id));
  /* The selection ring, and the two lines of label (one larger name when
   * small names are drawn at a readable size). */
  double name = scale > 0 && scale * NAME_SIZE < MIN_LABEL_PIXELS ? MIN_LABEL_PIXELS / scale : NAME_SIZE;
  double x0 = x - MAX (SLOT_WIDTH / 2, RADIUS + 7), x1 = x + MAX (SLOT_WIDTH / 2, RADIUS + 7);
  double y0 = y - RADIUS - 7, y1 = y + RADIUS + 14 + 2 * MAX (name, DETAIL_SIZE) + 4;

  for (guint i = 0; position > 0 && i < self->links->len; i++)
    {
      const Link *link = &g_array_index (self->links, Link, i);
      const Placed *other;

      if (link->from != position - 1 && link->to != position - 1)
        continue;
      other = &g_array_index (self->placed, Placed, link->from == position - 1 ? link->to : link->from);
      /* The line's width and the arrowhead, around either end. */
      x0 = MIN (x0, other->x - 12);
      x1 = MAX (x1, other->x + 12);
      y0 = MIN (y0, other->y - 12);
      y1 = MAX (y1, other->y + 12);
    }
  /* Half a device pixel of antialiasing, and more. */
  if (scale > 0)
    {
      x0 -= 2 / scale;
      y0 -= 2 / scale;
      x1 += 2 / scale;
      y1 += 2 / scale;
    }
  extents->x = x0;
  extents->y = y0;
  extents->width = x1 - x0;
  extents->height = y1 - y0;
}

/* ---------------------------------------------------------------------- */
/* Pages and files */

/* One entry of the legend: its mark, then its word; returns where the next
 * one starts. */
static double
legend_entry (cairo_t                *cr,
              PangoLayout            *layout,
              const CoalitionMapNode *look,
              const Colour           *colour,
              const char             *label,
              double                  x,
              double                  y)
{
  int width;

  cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
  mark_path (cr, look, x + 6, y + 8, 6);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  pango_layout_set_text (layout, label, -1);
  pango_layout_get_size (layout, &width, NULL);
  cairo_move_to (cr, x + 16, y);
  pango_cairo_show_layout (cr, layout);
  return x + 16 + width / (double)PANGO_SCALE + 18;
}

static void
draw_legend (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  static const CoalitionMapRole roles[] = {
    COALITION_MAP_ROLE_MEMBER, COALITION_MAP_ROLE_ALLY, COALITION_MAP_ROLE_TARGET, COALITION_MAP_ROLE_OTHER,
  };
  static const Colour grey = { 0.45, 0.45, 0.45 };
  CoalitionMapNode person = { .person_id = 1 }, organization = { .organization_id = 1 };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    x = legend_entry (cr, layout, &person, &role_fill[roles[i]], coalition_map_role_get_label (roles[i]), x, y);
  /* Circles are people, squares organizations. */
  x = legend_entry (cr, layout, &person, &grey, _("Person"), x, y);
  legend_entry (cr, layout, &organization, &grey, _("Organization"), x, y);
}

/* The page: the header keeps a readable size however large the map, so it
 * grows with the map's width. */
static double
header_scale_for (CoalitionMapScene *self)
{
  return MAX (1.0, (coalition_map_scene_get_width (self) + 2 * MARGIN) / 1400.0);
}

static void
page_size (CoalitionMapScene *self,
           double            *width,
           double            *height)
{
  *width = coalition_map_scene_get_width (self) + 2 * MARGIN;
  *height = coalition_map_scene_get_height (self) + HEADER_HEIGHT * header_scale_for (self) + 2 * MARGIN;
}

void
coalition_map_scene_draw_page (CoalitionMapScene *self,
                               cairo_t           *cr,
                               const char        *title,
                               const char        *decision,
                               double             width,
                               double             height)
{
  double natural_width, natural_height, scale;
  double header_scale = header_scale_for (self);

  page_size (self, &natural_width, &natural_height);
  scale = MIN (width / natural_width, height / natural_height);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, (width - natural_width * scale) / 2, (height - natural_height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, MARGIN, MARGIN);

  {
    g_autoptr(PangoLayout) heading = NULL;
    g_autoptr(PangoLayout) text = NULL;
    g_autofree char *sought = decision && *decision ? g_strdup_printf (_("Decision sought: %s"), decision) : NULL;
    double line_width = (natural_width - 2 * MARGIN) / header_scale - 2 * MARGIN;

    cairo_save (cr);
    cairo_scale (cr, header_scale, header_scale);
    heading = new_layout (cr, "Sans Bold", 18);
    text = new_layout (cr, "Sans", 11);
    cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
    pango_layout_set_width (heading, (int)(line_width * PANGO_SCALE));
    pango_layout_set_ellipsize (heading, PANGO_ELLIPSIZE_END);
    pango_layout_set_text (heading, title ? title : _("Power Map"), -1);
    cairo_move_to (cr, MARGIN, 0);
    pango_cairo_show_layout (cr, heading);
    if (sought != NULL)
      {
        pango_layout_set_width (text, (int)(line_width * PANGO_SCALE));
        pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
        pango_layout_set_text (text, sought, -1);
        cairo_move_to (cr, MARGIN, 30);
        pango_cairo_show_layout (cr, text);
      }
    pango_layout_set_width (text, -1);
    pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_NONE);
    draw_legend (cr, text, MARGIN, 56);
    cairo_restore (cr);
    cairo_translate (cr, 0, HEADER_HEIGHT * header_scale);
  }

  coalition_map_scene_draw (self, cr, scale, NULL, COALITION_MAP_DRAW_ALL & ~COALITION_MAP_DRAW_LABELS);
  /* On paper the names are always printed, however small. */
  draw_labels (self, cr, NULL, 0, 0, 0, 0);
  cairo_restore (cr);
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
coalition_map_scene_write (CoalitionMapScene  *self,
                           const char         *title,
                           const char         *decision,
                           const char         *path,
                           double              width,
                           double              height,
                           GError            **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  double natural_width, natural_height;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  enum { PDF, SVG, PNG } format;
  const char *extension;

  page_size (self, &natural_width, &natural_height);
  extension = strrchr (path, '.');
  if (extension != NULL && g_ascii_strcasecmp (extension, ".pdf") == 0)
    format = PDF;
  else if (extension != NULL && g_ascii_strcasecmp (extension, ".svg") == 0)
    format = SVG;
  else if (extension != NULL && g_ascii_strcasecmp (extension, ".png") == 0)
    format = PNG;
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” must end in .pdf, .svg or .png"), name);
      return FALSE;
    }

  /* Drawn in memory, then written whole (see coalition_export_write_file ()):
   * cairo's own file output does not always report a failed write. */
  switch (format)
    {
    case PDF:
      if (width <= 0 || height <= 0)
        {
          width = 842;   /* A4, landscape */
          height = 595;
        }
      surface = cairo_pdf_surface_create_for_stream (append_to_array, bytes, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title ? title : "");
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Coalition");
      break;
    case SVG:
      width = natural_width;
      height = natural_height;
      surface = cairo_svg_surface_create_for_stream (append_to_array, bytes, width, height);
      break;
    case PNG:
    default:
      if (width <= 0)
        width = 1600;
      height = ceil (width * natural_height / natural_width);
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)width, (int)height);
      break;
    }

  cr = cairo_create (surface);
  coalition_map_scene_draw_page (self, cr, title, decision, width, height);
  cairo_show_page (cr);
  cairo_destroy (cr);
  if (format == PNG)
    {
      status = cairo_surface_status (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_write_to_png_stream (surface, append_to_array, bytes);
    }
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("“%s” could not be written: %s"), name,
                   cairo_status_to_string (status));
      return FALSE;
    }

  return coalition_export_write_file (path, (const char *)bytes->data, bytes->len, error);
}
