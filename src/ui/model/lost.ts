// Mails with no copy left for their owner, read straight from a frame's state
// (metricsOf computes every figure at once, too slow for each animation frame).
export { lostMails } from '../../sim';
