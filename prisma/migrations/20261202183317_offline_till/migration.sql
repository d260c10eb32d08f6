-- CreateEnum
CREATE TYPE "OfflineCardMode" AS ENUM ('NONE', 'STRIPE_TERMINAL_OFFLINE');

-- CreateEnum
CREATE TYPE "OfflineCommandKind" AS ENUM ('SALE', 'CASH_MOVEMENT');

-- AlterTable
ALTER TABLE "OrganizationSettings" ADD COLUMN     "offlineAlertAfterMinutes" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "offlineCardMode" "OfflineCardMode" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "offlineMaxDeviceTotal" INTEGER NOT NULL DEFAULT 500000,
ADD COLUMN     "offlineMaxSaleAmount" INTEGER NOT NULL DEFAULT 50000,
ADD COLUMN     "offlinePinDays" INTEGER NOT NULL DEFAULT 7,
ADD COLUMN     "offlineReturnsWithManagerPin" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "offlineSalesAllowed" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "PosDevice" (
    "id" UUID NOT NULL,
    "locationId" UUID NOT NULL,
    "registerId" UUID,
    "appVersion" TEXT,
    "userAgent" TEXT,
    "lastUserId" UUID,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL,
    "lastSyncAt" TIMESTAMPTZ(3),
    "unsyncedCount" INTEGER NOT NULL DEFAULT 0,
    "unsyncedTotal" INTEGER NOT NULL DEFAULT 0,
    "oldestUnsyncedAt" TIMESTAMPTZ(3),
    "rejectedCount" INTEGER NOT NULL DEFAULT 0,
    "alertedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PosDevice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfflineCommand" (
    "clientId" UUID NOT NULL,
    "kind" "OfflineCommandKind" NOT NULL,
    "deviceId" UUID NOT NULL,
    "locationId" UUID NOT NULL,
    "registerSessionId" UUID NOT NULL,
    "cashierId" UUID NOT NULL,
    "orderId" UUID,
    "cashMovementId" UUID,
    "amount" INTEGER NOT NULL,
    "shortfallUnits" INTEGER NOT NULL DEFAULT 0,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,
    "appliedAt" TIMESTAMPTZ(3) NOT NULL,
    "appliedById" UUID,

    CONSTRAINT "OfflineCommand_pkey" PRIMARY KEY ("clientId")
);

-- CreateIndex
CREATE INDEX "PosDevice_locationId_idx" ON "PosDevice"("locationId");

-- CreateIndex
CREATE UNIQUE INDEX "OfflineCommand_orderId_key" ON "OfflineCommand"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "OfflineCommand_cashMovementId_key" ON "OfflineCommand"("cashMovementId");

-- CreateIndex
CREATE INDEX "OfflineCommand_deviceId_recordedAt_idx" ON "OfflineCommand"("deviceId", "recordedAt");

-- CreateIndex
CREATE INDEX "OfflineCommand_registerSessionId_idx" ON "OfflineCommand"("registerSessionId");

-- AddForeignKey
ALTER TABLE "PosDevice" ADD CONSTRAINT "PosDevice_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PosDevice" ADD CONSTRAINT "PosDevice_registerId_fkey" FOREIGN KEY ("registerId") REFERENCES "Register"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfflineCommand" ADD CONSTRAINT "OfflineCommand_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "PosDevice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
