/* coalition-map-scene.h — a power map laid out on its grid and drawn with
 * cairo and Pango, for the canvas, the printer and the exported files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scene works in its own units ("map units", 1 unit = 1 pixel at 100 %
 * zoom, 1 point on paper). The grid has five columns of stance (strongly
 * against on the left, strongly with us on the right) and five rows of
 * influence (decides at the top), with the labels of both axes around it.
 * Nodes of the same cell are set out in rows inside it, in the order they
 * were given (by name), so the grid stays honest: where a node is drawn is
 * its stance and influence.
 */
#pragma once

#include <cairo.h>

#include "coalition-power-map.h"

G_BEGIN_DECLS

typedef struct _CoalitionMapScene CoalitionMapScene;

typedef enum
{
  COALITION_MAP_DRAW_GRID   = 1 << 0,   /* bands, cell lines, axis labels */
  COALITION_MAP_DRAW_EDGES  = 1 << 1,
  COALITION_MAP_DRAW_NODES  = 1 << 2,
  COALITION_MAP_DRAW_LABELS = 1 << 3,   /* names under the nodes, when large enough to read */
  COALITION_MAP_DRAW_ALL    = 0xf,
} CoalitionMapDrawFlags;

/* Takes copies of what it needs from @nodes (CoalitionMapNode) and @edges
 * (CoalitionMapEdge); edges whose ends are not among the nodes are left out. */
CoalitionMapScene *coalition_map_scene_new            (GPtrArray          *nodes,
                                                       GPtrArray          *edges);
void               coalition_map_scene_free           (CoalitionMapScene  *self);
/* A copy with the same layout, selection, reach paths and hidden node: one
 * thread can draw it while another changes the original. */
CoalitionMapScene *coalition_map_scene_copy           (CoalitionMapScene  *self);

/* The size of the whole map, labels included. */
double             coalition_map_scene_get_width      (CoalitionMapScene  *self);
double             coalition_map_scene_get_height     (CoalitionMapScene  *self);
guint              coalition_map_scene_get_n_nodes    (CoalitionMapScene  *self);
guint              coalition_map_scene_get_n_edges    (CoalitionMapScene  *self);
/* The @index-th node, in the order given (by name). */
const CoalitionMapNode *coalition_map_scene_get_node  (CoalitionMapScene  *self,
                                                       guint               index);
const CoalitionMapNode *coalition_map_scene_find_node (CoalitionMapScene  *self,
                                                       gint64              node_id);

/* The rectangle of a cell, and the cell at a point (FALSE outside the grid). */
void               coalition_map_scene_get_cell_rect  (CoalitionMapScene  *self,
                                                       int                 stance,
                                                       int                 influence,
                                                       cairo_rectangle_t  *rect);
gboolean           coalition_map_scene_cell_at        (CoalitionMapScene  *self,
                                                       double              x,
                                                       double              y,
                                                       int                *stance,
                                                       int                *influence);
/* Where a node is drawn; FALSE when it is not on the map. */
gboolean           coalition_map_scene_get_node_position (CoalitionMapScene *self,
                                                          gint64             node_id,
                                                          double            *x,
                                                          double            *y);
/* The node under a point (its mark or its label), or 0. */
gint64             coalition_map_scene_hit            (CoalitionMapScene  *self,
                                                       double              x,
                                                       double              y);
/* The radius of a node's mark. */
double             coalition_map_scene_get_node_radius (CoalitionMapScene *self);

/* What is drawn highlighted: the selected node, and the nodes and edges of
 * the reach paths (a GPtrArray of GArrays of node ids, as from
 * coalition_map_reach ()), or none. */
void               coalition_map_scene_set_selected   (CoalitionMapScene  *self,
                                                       gint64              node_id);
gint64             coalition_map_scene_get_selected   (CoalitionMapScene  *self);
void               coalition_map_scene_set_paths      (CoalitionMapScene  *self,
                                                       GPtrArray          *paths);
/* A node left out of drawing (the one being dragged, drawn on its own on
 * top), or 0. */
void               coalition_map_scene_set_hidden     (CoalitionMapScene  *self,
                                                       gint64              node_id);

/* Draws the part of the map inside @visible (map units; NULL for all) onto
 * @cr, whose user space is in map units; @scale is device pixels per map
 * unit, which decides how much detail is worth drawing. */
void               coalition_map_scene_draw           (CoalitionMapScene        *self,
                                                       cairo_t                  *cr,
                                                       double                    scale,
                                                       const cairo_rectangle_t  *visible,
                                                       CoalitionMapDrawFlags     flags);
/* Draws one node at (@x, @y) with the edges to it, as when dragged. */
void               coalition_map_scene_draw_node_at   (CoalitionMapScene  *self,
                                                       cairo_t            *cr,
                                                       double              scale,
                                                       gint64              node_id,
                                                       double              x,
                                                       double              y);
/* Where coalition_map_scene_draw_node_at () may draw, in map units: the
 * mark, its label and its edges. */
void               coalition_map_scene_get_node_extents (CoalitionMapScene *self,
                                                         double             scale,
                                                         gint64             node_id,
                                                         double             x,
                                                         double             y,
                                                         cairo_rectangle_t *extents);

/* The map with its title, the decision sought and a legend, on one page:
 * a PDF (@path ends in .pdf; @width and @height in points, 0 for A4
 * landscape), an SVG (.svg) or a PNG (.png; @width pixels wide, 0 for
 * 1600). Written to a temporary file and renamed into place, so a failed
 * write leaves nothing. */
gboolean           coalition_map_scene_write          (CoalitionMapScene  *self,
                                                       const char         *title,
                                                       const char         *decision,
                                                       const char         *path,
                                                       double              width,
                                                       double              height,
                                                       GError            **error);
/* Draws the same page onto @cr, @width × @height in its units (points), as
 * for a printer. */
void               coalition_map_scene_draw_page      (CoalitionMapScene  *self,
                                                       cairo_t            *cr,
                                                       const char         *title,
                                                       const char         *decision,
                                                       double              width,
                                                       double              height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoalitionMapScene, coalition_map_scene_free)

G_END_DECLS
