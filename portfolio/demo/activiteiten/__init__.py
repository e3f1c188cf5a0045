"""All demo activities, in the order of their numbers (the planner draws one random stream in this order)."""

from . import bzk_tot_def, szw_tot_bz

ACTIVITEITEN = [*bzk_tot_def.ACTIVITEITEN, *szw_tot_bz.ACTIVITEITEN]
