export { tokenize, words, isStopWord, STOP_WORDS, type Token } from "./tokens";
export { splitSentences, splitParagraphs, type Sentence } from "./sentences";
