export { tokenize, words, isContraction, isStopWord, STOP_WORDS, TITLE_MINOR_WORDS, WordScanner, type Token } from "./tokens";
export { endsWithFullStop, splitSentences, splitParagraphs, type Sentence } from "./sentences";
export { clipAtWord, deriveTitle } from "./clip";
export { isTimestamp, isTimestampLine } from "./timestamp";
