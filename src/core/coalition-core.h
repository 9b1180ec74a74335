/* coalition-core.h — everything src/core offers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "coalition-campaigns.h"
#include "coalition-contact-point.h"
#include "coalition-csv.h"
#include "coalition-demo.h"
#include "coalition-import.h"
#include "coalition-meetings.h"
#include "coalition-outreach.h"
#include "coalition-prospect.h"
#include "coalition-enums.h"
#include "coalition-export.h"
#include "coalition-group.h"
#include "coalition-organization.h"
#include "coalition-people-model.h"
#include "coalition-power-map.h"
#include "coalition-person.h"
#include "coalition-store.h"
#include "coalition-update.h"
#include "coalition-vcard.h"

G_BEGIN_DECLS

/* Binds the text domain; call once from main () before anything is shown. */
void coalition_core_init_i18n (void);

G_END_DECLS
