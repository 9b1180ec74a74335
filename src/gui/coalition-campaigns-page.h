/* coalition-campaigns-page.h — the Campaigns page: core objectives, goals
 * and their benchmarks, wins with shared credit, and sign-on letters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "coalition-store.h"

G_BEGIN_DECLS

#define COALITION_TYPE_CAMPAIGNS_PAGE (coalition_campaigns_page_get_type ())

G_DECLARE_FINAL_TYPE (CoalitionCampaignsPage, coalition_campaigns_page, COALITION, CAMPAIGNS_PAGE, GtkWidget)

void     coalition_campaigns_page_set_store        (CoalitionCampaignsPage *self,
                                                    CoalitionStore         *store);
/* Shows the campaign with @campaign_id; 0 shows none. */
void     coalition_campaigns_page_show_campaign    (CoalitionCampaignsPage *self,
                                                    gint64                  campaign_id);
gint64   coalition_campaigns_page_get_campaign_id  (CoalitionCampaignsPage *self);
/* Opens the sign-on letter @letter_id: its text, signatories and the ask. */
void     coalition_campaigns_page_show_letter      (CoalitionCampaignsPage *self,
                                                    gint64                  letter_id);
gint64   coalition_campaigns_page_get_letter_id    (CoalitionCampaignsPage *self);
/* Asks for a name and core objectives, and creates a campaign. */
void     coalition_campaigns_page_new_campaign     (CoalitionCampaignsPage *self);
/* Asks what changed and who contributed, for the campaign shown. */
void     coalition_campaigns_page_record_win       (CoalitionCampaignsPage *self);
/* Asks for the month, then where to save its update as HTML or PDF. */
void     coalition_campaigns_page_monthly_update   (CoalitionCampaignsPage *self);

/* What the export buttons write, without a file chooser. */
gboolean coalition_campaigns_page_export_letter    (CoalitionCampaignsPage *self,
                                                    gint64                  letter_id,
                                                    const char             *path,
                                                    GError                **error);
gboolean coalition_campaigns_page_export_signatories (CoalitionCampaignsPage *self,
                                                      gint64                  letter_id,
                                                      const char             *path,
                                                      GError                **error);
/* The update of @month (1–12) of @year: a PDF when @path ends in .pdf,
 * else an HTML e-mail. */
gboolean coalition_campaigns_page_write_update     (CoalitionCampaignsPage *self,
                                                    int                     year,
                                                    int                     month,
                                                    const char             *path,
                                                    GError                **error);

/* Signals: "toast" (const char *message), "show-map" (gint64 map_id): a
 * power map of the campaign was opened. */

G_END_DECLS
