-- CreateIndex
CREATE INDEX "InventoryLevel_onHand_id_idx" ON "InventoryLevel"("onHand", "id");

-- CreateIndex
CREATE INDEX "InventoryLevel_reserved_id_idx" ON "InventoryLevel"("reserved", "id");

-- CreateIndex
CREATE INDEX "InventoryLevel_inTransit_id_idx" ON "InventoryLevel"("inTransit", "id");

-- CreateIndex
CREATE INDEX "InventoryLevel_safetyStock_id_idx" ON "InventoryLevel"("safetyStock", "id");

-- CreateIndex
CREATE INDEX "InventoryLevel_reorderPoint_id_idx" ON "InventoryLevel"("reorderPoint", "id");

-- CreateIndex
CREATE INDEX "InventoryMovement_kind_createdAt_idx" ON "InventoryMovement"("kind", "createdAt");

-- Hand-written (Prisma cannot express it): sorting and filtering by available to promise.
CREATE INDEX "InventoryLevel_available_id_idx" ON "InventoryLevel" ((GREATEST(0, "onHand" - "reserved" - "safetyStock")), "id");
