/* coalition-map-page.h — the Power Map page: the maps of the coalition's
 * campaigns, each a grid of decision makers by stance and influence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "coalition-map-canvas.h"
#include "coalition-store.h"

G_BEGIN_DECLS

#define COALITION_TYPE_MAP_PAGE (coalition_map_page_get_type ())

G_DECLARE_FINAL_TYPE (CoalitionMapPage, coalition_map_page, COALITION, MAP_PAGE, GtkWidget)

void                coalition_map_page_set_store   (CoalitionMapPage *self,
                                                    CoalitionStore   *store);
/* Shows the map with @map_id; 0 shows none. */
void                coalition_map_page_show_map    (CoalitionMapPage *self,
                                                    gint64            map_id);
gint64              coalition_map_page_get_map_id  (CoalitionMapPage *self);
CoalitionMapCanvas *coalition_map_page_get_canvas  (CoalitionMapPage *self);
/* Shows the map as it stood at the end of @date (YYYY-MM-DD), or today's
 * map for NULL. */
void                coalition_map_page_set_as_of   (CoalitionMapPage *self,
                                                    const char       *date);
/* Asks for a title and creates a map. */
void                coalition_map_page_new_map     (CoalitionMapPage *self);

/* Signals: "toast" (const char *message) */

G_END_DECLS
