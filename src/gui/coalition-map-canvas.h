/* coalition-map-canvas.h — the power map drawn in a widget: select, drag,
 * zoom, pan, and the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "coalition-map-scene.h"

G_BEGIN_DECLS

#define COALITION_TYPE_MAP_CANVAS (coalition_map_canvas_get_type ())
G_DECLARE_FINAL_TYPE (CoalitionMapCanvas, coalition_map_canvas, COALITION, MAP_CANVAS, GtkWidget)

GtkWidget         *coalition_map_canvas_new          (void);

/* Takes @scene; keeps the zoom and position when the map is the same. */
void               coalition_map_canvas_set_scene    (CoalitionMapCanvas *self,
                                                      CoalitionMapScene  *scene);
CoalitionMapScene *coalition_map_canvas_get_scene    (CoalitionMapCanvas *self);

/* Device pixels per map unit; kept between 0.05 and 4. The point
 * (@anchor_x, @anchor_y) of the widget stays where it is. */
void               coalition_map_canvas_set_zoom     (CoalitionMapCanvas *self,
                                                      double              zoom,
                                                      double              anchor_x,
                                                      double              anchor_y);
double             coalition_map_canvas_get_zoom     (CoalitionMapCanvas *self);
/* Moves the view by (@dx, @dy) widget pixels. */
void               coalition_map_canvas_pan          (CoalitionMapCanvas *self,
                                                      double              dx,
                                                      double              dy);
/* The whole map in the window. */
void               coalition_map_canvas_fit          (CoalitionMapCanvas *self);

void               coalition_map_canvas_widget_to_map (CoalitionMapCanvas *self,
                                                       double              wx,
                                                       double              wy,
                                                       double             *mx,
                                                       double             *my);
void               coalition_map_canvas_map_to_widget (CoalitionMapCanvas *self,
                                                       double              mx,
                                                       double              my,
                                                       double             *wx,
                                                       double             *wy);

void               coalition_map_canvas_select       (CoalitionMapCanvas *self,
                                                      gint64              node_id);
gint64             coalition_map_canvas_get_selected (CoalitionMapCanvas *self);

/* A drag in widget coordinates, as the pointer does it: on a node it moves
 * the node and, dropped on another cell, emits "node-moved"; on the
 * background it pans. */
void               coalition_map_canvas_drag_begin   (CoalitionMapCanvas *self,
                                                      double              wx,
                                                      double              wy);
void               coalition_map_canvas_drag_update  (CoalitionMapCanvas *self,
                                                      double              offset_x,
                                                      double              offset_y);
void               coalition_map_canvas_drag_end     (CoalitionMapCanvas *self,
                                                      double              offset_x,
                                                      double              offset_y);

/* Signals:
 *   "node-moved"        (gint64 node_id, int stance, int influence)
 *   "node-activated"    (gint64 node_id)   Enter, or a double click
 *   "selection-changed" ()
 */

G_END_DECLS
