// The forecasting method's numbers, in one place (docs/forecasting.md "Method" and
// "Replenishment"). Changing one changes the stored velocity at the next refresh and every
// suggestion at once.

/** Days of sales the velocity looks at. */
export const VELOCITY_WINDOW_DAYS = 28;
/** Weight halves every this many days: yesterday counts twice as much as a week before it. */
export const VELOCITY_HALF_LIFE_DAYS = 7;
/** Ledger kinds that are units sold: till sales, shipped orders, pickups handed over. */
export const SOLD_MOVEMENT_KINDS = ["SALE", "SHIPMENT", "PICKUP_HANDOVER"] as const;

/** Days a replenishment takes to arrive (transfer or supplier), planned for both alike. */
export const LEAD_TIME_DAYS = 7;
/** Days between two looks at the suggestions (a weekly buying round). */
export const REVIEW_PERIOD_DAYS = 7;
/** A level is replenished when its projected cover falls below this (lead time + review period). */
export const REORDER_COVER_DAYS = LEAD_TIME_DAYS + REVIEW_PERIOD_DAYS;
/** A suggestion brings the level up to this many days of cover (on top of its safety stock). */
export const TARGET_COVER_DAYS = 28;
/** The urgency filter: predicted stockout within this many days. */
export const URGENCY_DAYS = [7, 14, 28] as const;
