-- CreateEnum
CREATE TYPE "DeliveryRunStatus" AS ENUM ('PLANNED', 'OUT', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "DeliveryStopStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED', 'REMOVED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ShipmentStatus" ADD VALUE 'OUT_FOR_DELIVERY';
ALTER TYPE "ShipmentStatus" ADD VALUE 'FAILED_ATTEMPT';

-- AlterTable
ALTER TABLE "Return" ADD COLUMN     "receivedAt" TIMESTAMPTZ(3),
ADD COLUMN     "requestedBy" TEXT;

-- AlterTable
ALTER TABLE "Shipment" ADD COLUMN     "failedAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lastEventAt" TIMESTAMPTZ(3),
ADD COLUMN     "returnId" UUID;

-- CreateTable
CREATE TABLE "TrackingEvent" (
    "id" UUID NOT NULL,
    "shipmentId" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "detail" TEXT,
    "location" TEXT,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dedupeKey" TEXT NOT NULL,
    "applied" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "TrackingEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeliveryRun" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "locationId" UUID NOT NULL,
    "status" "DeliveryRunStatus" NOT NULL DEFAULT 'PLANNED',
    "driverUserId" UUID,
    "driverName" TEXT NOT NULL,
    "note" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DeliveryRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeliveryStop" (
    "id" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "fulfillmentOrderId" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "status" "DeliveryStopStatus" NOT NULL DEFAULT 'PENDING',
    "recipientName" TEXT,
    "deliveredAt" TIMESTAMPTZ(3),
    "note" TEXT,
    "failureReason" TEXT,
    "failedAt" TIMESTAMPTZ(3),
    "completedById" UUID,

    CONSTRAINT "DeliveryStop_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TrackingEvent_dedupeKey_key" ON "TrackingEvent"("dedupeKey");

-- CreateIndex
CREATE INDEX "TrackingEvent_shipmentId_occurredAt_idx" ON "TrackingEvent"("shipmentId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "DeliveryRun_number_key" ON "DeliveryRun"("number");

-- CreateIndex
CREATE INDEX "DeliveryRun_locationId_status_idx" ON "DeliveryRun"("locationId", "status");

-- CreateIndex
CREATE INDEX "DeliveryStop_fulfillmentOrderId_idx" ON "DeliveryStop"("fulfillmentOrderId");

-- CreateIndex
CREATE UNIQUE INDEX "DeliveryStop_runId_sequence_key" ON "DeliveryStop"("runId", "sequence");

-- CreateIndex
CREATE INDEX "Shipment_returnId_idx" ON "Shipment"("returnId");

-- AddForeignKey
ALTER TABLE "Shipment" ADD CONSTRAINT "Shipment_returnId_fkey" FOREIGN KEY ("returnId") REFERENCES "Return"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrackingEvent" ADD CONSTRAINT "TrackingEvent_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "Shipment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryRun" ADD CONSTRAINT "DeliveryRun_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryStop" ADD CONSTRAINT "DeliveryStop_runId_fkey" FOREIGN KEY ("runId") REFERENCES "DeliveryRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryStop" ADD CONSTRAINT "DeliveryStop_fulfillmentOrderId_fkey" FOREIGN KEY ("fulfillmentOrderId") REFERENCES "FulfillmentOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: a fulfilment order is a pending stop on at most one run, so two drivers
-- can never take the same parcel (docs/shipping.md#delivery-runs).
CREATE UNIQUE INDEX "DeliveryStop_one_pending_per_fulfillment" ON "DeliveryStop"("fulfillmentOrderId") WHERE "status" = 'PENDING';
ALTER TABLE "DeliveryStop" ADD CONSTRAINT "DeliveryStop_sequence_positive" CHECK ("sequence" > 0);
ALTER TABLE "DeliveryStop" ADD CONSTRAINT "DeliveryStop_delivered_has_proof" CHECK ("status" <> 'DELIVERED' OR ("recipientName" IS NOT NULL AND "deliveredAt" IS NOT NULL));
ALTER TABLE "Shipment" ADD CONSTRAINT "Shipment_failedAttempts_nonnegative" CHECK ("failedAttempts" >= 0);
