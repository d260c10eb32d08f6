-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('EMAIL', 'SMS');

-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('QUEUED', 'SENT', 'FAILED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "TaskKind" ADD VALUE 'PAYMENT';
ALTER TYPE "TaskKind" ADD VALUE 'DISPUTE';
ALTER TYPE "TaskKind" ADD VALUE 'SHORT_PICK';

-- AlterTable
ALTER TABLE "FulfillmentOrder" ADD COLUMN     "handedOverById" UUID,
ADD COLUMN     "handoverVerification" TEXT,
ADD COLUMN     "idCheckNote" TEXT,
ADD COLUMN     "reminderSentAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Location" ADD COLUMN     "cashRoundingIncrement" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "OrderLine" ADD COLUMN     "approvedById" UUID,
ADD COLUMN     "originalUnitPrice" INTEGER,
ADD COLUMN     "substituteForLineId" UUID;

-- AlterTable
ALTER TABLE "OrganizationSettings" ADD COLUMN     "lateOrderHours" INTEGER NOT NULL DEFAULT 48,
ADD COLUMN     "reportPricesIncludeTax" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Register" ADD COLUMN     "readerId" TEXT;

-- CreateTable
CREATE TABLE "ParkedSale" (
    "id" UUID NOT NULL,
    "locationId" UUID NOT NULL,
    "registerId" UUID,
    "label" TEXT NOT NULL,
    "cart" JSONB NOT NULL,
    "total" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "customerId" UUID,
    "parkedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resumedAt" TIMESTAMPTZ(3),
    "resumedById" UUID,

    CONSTRAINT "ParkedSale_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "recipient" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "html" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "orderId" UUID,
    "locationId" UUID,
    "status" "NotificationStatus" NOT NULL DEFAULT 'QUEUED',
    "provider" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ParkedSale_locationId_resumedAt_idx" ON "ParkedSale"("locationId", "resumedAt");

-- CreateIndex
CREATE INDEX "Notification_status_nextAttemptAt_idx" ON "Notification"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Notification_orderId_idx" ON "Notification"("orderId");

-- CreateIndex
CREATE INDEX "Notification_createdAt_idx" ON "Notification"("createdAt");

-- AddForeignKey
ALTER TABLE "ParkedSale" ADD CONSTRAINT "ParkedSale_registerId_fkey" FOREIGN KEY ("registerId") REFERENCES "Register"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: cash rounding is a positive step in minor units.
ALTER TABLE "Location" ADD CONSTRAINT "Location_cashRoundingIncrement_check" CHECK ("cashRoundingIncrement" > 0);

-- Hand-written: a register has at most one open session (two tills cannot open the same drawer).
CREATE UNIQUE INDEX "RegisterSession_one_open_per_register" ON "RegisterSession"("registerId") WHERE "status" = 'OPEN';
