-- CreateEnum
CREATE TYPE "LabelFormat" AS ENUM ('PDF', 'ZPL');

-- CreateEnum
CREATE TYPE "ManifestStatus" AS ENUM ('PENDING', 'CLOSED');

-- AlterEnum
ALTER TYPE "ShipmentStatus" ADD VALUE 'LABEL_PENDING';

-- AlterTable
ALTER TABLE "Shipment" ADD COLUMN     "boxId" UUID,
ADD COLUMN     "carrierShipmentId" TEXT,
ADD COLUMN     "heightMm" INTEGER,
ADD COLUMN     "idempotencyKey" TEXT,
ADD COLUMN     "labelAmount" INTEGER,
ADD COLUMN     "labelCurrency" CHAR(3),
ADD COLUMN     "labelError" TEXT,
ADD COLUMN     "labelFormat" "LabelFormat",
ADD COLUMN     "lengthMm" INTEGER,
ADD COLUMN     "manifestId" UUID,
ADD COLUMN     "parcelId" UUID,
ADD COLUMN     "trackingUrl" TEXT,
ADD COLUMN     "voidedAt" TIMESTAMPTZ(3),
ADD COLUMN     "widthMm" INTEGER;

-- CreateTable
CREATE TABLE "PackagingBox" (
    "id" UUID NOT NULL,
    "locationId" UUID,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "innerLengthMm" INTEGER NOT NULL,
    "innerWidthMm" INTEGER NOT NULL,
    "innerHeightMm" INTEGER NOT NULL,
    "wallMm" INTEGER NOT NULL DEFAULT 4,
    "tareGrams" INTEGER NOT NULL,
    "maxWeightGrams" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PackagingBox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Parcel" (
    "id" UUID NOT NULL,
    "fulfillmentOrderId" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "boxId" UUID,
    "lengthMm" INTEGER NOT NULL,
    "widthMm" INTEGER NOT NULL,
    "heightMm" INTEGER NOT NULL,
    "weightGrams" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Parcel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LocationCarrier" (
    "id" UUID NOT NULL,
    "locationId" UUID NOT NULL,
    "carrier" TEXT NOT NULL,
    "defaultService" TEXT NOT NULL,
    "cutoffTime" TEXT NOT NULL,
    "labelFormat" "LabelFormat" NOT NULL DEFAULT 'PDF',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LocationCarrier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CarrierManifest" (
    "id" UUID NOT NULL,
    "locationId" UUID NOT NULL,
    "carrier" TEXT NOT NULL,
    "status" "ManifestStatus" NOT NULL DEFAULT 'PENDING',
    "carrierManifestId" TEXT,
    "documentUrl" TEXT,
    "shipDate" TIMESTAMPTZ(3) NOT NULL,
    "closedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CarrierManifest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PackagingBox_locationId_idx" ON "PackagingBox"("locationId");

-- CreateIndex
CREATE UNIQUE INDEX "PackagingBox_locationId_code_key" ON "PackagingBox"("locationId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Parcel_fulfillmentOrderId_sequence_key" ON "Parcel"("fulfillmentOrderId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "LocationCarrier_locationId_carrier_key" ON "LocationCarrier"("locationId", "carrier");

-- CreateIndex
CREATE INDEX "CarrierManifest_locationId_carrier_createdAt_idx" ON "CarrierManifest"("locationId", "carrier", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Shipment_idempotencyKey_key" ON "Shipment"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Shipment_parcelId_idx" ON "Shipment"("parcelId");

-- CreateIndex
CREATE INDEX "Shipment_manifestId_idx" ON "Shipment"("manifestId");

-- AddForeignKey
ALTER TABLE "Shipment" ADD CONSTRAINT "Shipment_parcelId_fkey" FOREIGN KEY ("parcelId") REFERENCES "Parcel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Shipment" ADD CONSTRAINT "Shipment_boxId_fkey" FOREIGN KEY ("boxId") REFERENCES "PackagingBox"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Shipment" ADD CONSTRAINT "Shipment_manifestId_fkey" FOREIGN KEY ("manifestId") REFERENCES "CarrierManifest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PackagingBox" ADD CONSTRAINT "PackagingBox_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Parcel" ADD CONSTRAINT "Parcel_fulfillmentOrderId_fkey" FOREIGN KEY ("fulfillmentOrderId") REFERENCES "FulfillmentOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Parcel" ADD CONSTRAINT "Parcel_boxId_fkey" FOREIGN KEY ("boxId") REFERENCES "PackagingBox"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocationCarrier" ADD CONSTRAINT "LocationCarrier_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CarrierManifest" ADD CONSTRAINT "CarrierManifest_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (docs/data-model.md#constraints): sizes and weights are positive, a cut-off is "HH:MM".
ALTER TABLE "PackagingBox" ADD CONSTRAINT "PackagingBox_sizes_positive" CHECK ("innerLengthMm" > 0 AND "innerWidthMm" > 0 AND "innerHeightMm" > 0 AND "wallMm" >= 0 AND "tareGrams" >= 0 AND "maxWeightGrams" > "tareGrams");
ALTER TABLE "Parcel" ADD CONSTRAINT "Parcel_sizes_positive" CHECK ("lengthMm" > 0 AND "widthMm" > 0 AND "heightMm" > 0 AND "weightGrams" > 0 AND "sequence" >= 1);
ALTER TABLE "LocationCarrier" ADD CONSTRAINT "LocationCarrier_cutoff_format" CHECK ("cutoffTime" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');
ALTER TABLE "Shipment" ADD CONSTRAINT "Shipment_label_amount_nonnegative" CHECK ("labelAmount" IS NULL OR "labelAmount" >= 0);
