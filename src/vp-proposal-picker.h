/* vp-proposal-picker.h: choosing the proposal of another article that a
 * proposal is the same as
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vp-comparison.h"

G_BEGIN_DECLS

#define VP_TYPE_PROPOSAL_PICKER (vp_proposal_picker_get_type ())

G_DECLARE_FINAL_TYPE (VpProposalPicker, vp_proposal_picker, VP, PROPOSAL_PICKER, AdwWindow)

GtkWidget *vp_proposal_picker_new        (GtkWindow           *parent,
                                          VpComparison        *comparison,
                                          const VpProposalRef *source,
                                          int                  only_article);
void       vp_proposal_picker_get_source (VpProposalPicker    *self,
                                          VpProposalRef       *source);
GtkWidget *vp_proposal_picker_get_row    (VpProposalPicker    *self,
                                          const VpProposalRef *ref);

G_END_DECLS
