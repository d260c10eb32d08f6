export { startPosCardTender, pollPosCardTender, cancelPosCardTender } from "./card-tender.ts";
export { voidPosSale, type VoidedPosSale } from "./void-pos-sale.ts";
