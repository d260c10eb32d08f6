// The till's money arithmetic lives in @oms/contracts (browser-safe), so the offline till
// prices a sale exactly as the server does; re-exported here for the POS module.
export {
  cashTender,
  discountAmount,
  exceedsShare,
  priceCart,
  remainingDue,
  roundCash,
  type ApprovalNeed,
  type CartLineForPricing,
  type CashTenderOutcome,
  type PricedCart,
  type PricedCartLine,
} from "@oms/contracts";
