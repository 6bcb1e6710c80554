-- CreateTable
CREATE TABLE "TermStatQueue" (
    "articleId" TEXT NOT NULL,
    "keys" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TermStatQueue_pkey" PRIMARY KEY ("articleId")
);
