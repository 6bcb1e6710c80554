-- DropIndex
DROP INDEX "StoryEntity_entityId_weight_idx";

-- DropIndex
DROP INDEX "StoryTerm_term_weight_idx";

-- CreateIndex
CREATE INDEX "StoryEntity_entityId_weight_storyId_idx" ON "StoryEntity"("entityId", "weight" DESC, "storyId");

-- CreateIndex
CREATE INDEX "StoryTerm_term_weight_storyId_idx" ON "StoryTerm"("term", "weight" DESC, "storyId");
