export { similarityRequest as startSimilarityBody } from "@/lib/similarity/similarity-scope";
