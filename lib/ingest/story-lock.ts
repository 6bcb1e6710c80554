// The advisory lock every story write takes (uploads, editor moves, re-clustering): two uploads of one event
// arriving at the same moment must not each start a story. A module of its own so that the re-cluster
// script can take it without loading the ingestion pipeline (extraction, entity gazetteers).
export const STORY_LOCK = 0x5041_5258; // "PARX"
