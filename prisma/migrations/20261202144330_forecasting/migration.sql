-- CreateEnum
CREATE TYPE "ReplenishmentKind" AS ENUM ('TRANSFER', 'PURCHASE_ORDER');

-- AlterTable
ALTER TABLE "InventoryLevel" ADD COLUMN     "soldPerDay" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "velocityAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "Replenishment" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "levelId" UUID NOT NULL,
    "variantId" UUID NOT NULL,
    "locationId" UUID NOT NULL,
    "kind" "ReplenishmentKind" NOT NULL,
    "fromLocationId" UUID,
    "quantity" INTEGER NOT NULL,
    "transferId" UUID,
    "purchaseOrderId" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Replenishment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Replenishment_key_key" ON "Replenishment"("key");

-- CreateIndex
CREATE INDEX "Replenishment_levelId_createdAt_idx" ON "Replenishment"("levelId", "createdAt");

-- CreateIndex
CREATE INDEX "PurchaseOrderLine_variantId_idx" ON "PurchaseOrderLine"("variantId");

-- Hand-written (Prisma cannot express them), docs/forecasting.md "Indexes".
-- A rate is never negative; an accepted suggestion moves at least one unit.
ALTER TABLE "InventoryLevel" ADD CONSTRAINT "InventoryLevel_soldPerDay_check" CHECK ("soldPerDay" >= 0);
ALTER TABLE "Replenishment" ADD CONSTRAINT "Replenishment_quantity_check" CHECK ("quantity" > 0);

-- Sorting by days of cover (on hand ÷ sold per day), by days to stockout (ATP ÷ sold per
-- day) and by sold per day, and the "stockout within N days" filter. Partial: only levels
-- that sold something have a forecast, so the indexes hold a fraction of the levels, and
-- both sort directions scan them without meeting a NULL.
CREATE INDEX "InventoryLevel_daysOfCover_id_idx" ON "InventoryLevel" (("onHand" / "soldPerDay"), "id") WHERE "soldPerDay" > 0;
CREATE INDEX "InventoryLevel_daysToStockout_id_idx" ON "InventoryLevel" ((GREATEST(0, "onHand" - "reserved" - "safetyStock") / "soldPerDay"), "id") WHERE "soldPerDay" > 0;
CREATE INDEX "InventoryLevel_soldPerDay_id_idx" ON "InventoryLevel" ("soldPerDay", "id") WHERE "soldPerDay" > 0;
