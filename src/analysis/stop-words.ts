/**
 * Words dropped from content tokens before repetition is measured.
 *
 * Function words, request verbs and chat fillers say nothing about *what* the customer
 * asks, so two messages sharing only them are not a repeat. Question words (where,
 * when, why, how, what, which, who) are kept on purpose: "where is my order" and
 * "cancel my order" differ exactly by them. Acknowledgements ("yes", "ok", "thanks")
 * are dropped so very short replies never count as repeating the customer.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'about', 'above', 'after', 'again', 'against', 'all', 'also', 'am', 'an', 'and', 'any',
  'anyway', 'are', 'as', 'at', 'be', 'because', 'been', 'before', 'being', 'below', 'between',
  'both', 'but', 'by', 'can', 'could', 'did', 'do', 'does', 'doing', 'down', 'during', 'each',
  'even', 'ever', 'few', 'for', 'from', 'further', 'get', 'got', 'had', 'has', 'have', 'having',
  'he', 'her', 'here', 'hers', 'herself', 'him', 'himself', 'his', 'i', 'if', 'in', 'into', 'is',
  'it', 'its', 'itself', 'just', 'let', 'like', 'may', 'me', 'might', 'more', 'most', 'must',
  'my', 'myself', 'need', 'no', 'nor', 'not', 'now', 'of', 'off', 'on', 'once', 'only', 'or',
  'other', 'our', 'ours', 'ourselves', 'out', 'over', 'own', 'please', 'same', 'shall', 'she',
  'should', 'so', 'some', 'still', 'such', 'than', 'that', 'the', 'their', 'theirs', 'them',
  'themselves', 'then', 'there', 'these', 'they', 'this', 'those', 'through', 'to', 'too',
  'under', 'until', 'up', 'us', 'very', 'want', 'was', 'we', 'were', 'while', 'will', 'with',
  'would', 'you', 'your', 'yours', 'yourself', 'yourselves',
  // chat fillers and acknowledgements
  'ah', 'cheers', 'hello', 'hey', 'hi', 'hmm', 'lol', 'oh', 'ok', 'okay', 'really', 'sure',
  'thank', 'thanks', 'uh', 'um', 'yeah', 'yep', 'yes', 'nope', 'sorry', 'actually', 'anyone', 'someone',
  'something', 'anything', 'know', 'tell', 'think',
]);
