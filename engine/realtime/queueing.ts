// Waiting in line at the endpoint, with the textbook M/M/c model (Poisson
// arrivals, c identical slots). Real service times are closer to constant
// than exponential, and M/M/c then overstates the wait a little: a cautious
// error for a sizing lesson.

/**
 * Erlang C: the probability that an arriving request has to wait, for
 * `servers` slots and an offered load of `load` erlangs (arrival rate × mean
 * service time). Uses the Erlang B recurrence, which stays stable for
 * thousands of servers where the factorial form overflows.
 */
export function erlangC(servers: number, load: number): number {
  if (load <= 0) return 0;
  if (load >= servers) return 1;
  let blocking = 1;
  for (let k = 1; k <= servers; k++) blocking = (load * blocking) / (k + load * blocking);
  const rho = load / servers;
  return blocking / (1 - rho + rho * blocking);
}

/**
 * The p-quantile of the time spent waiting in the queue, in seconds. In
 * M/M/c, P(wait > t) = C · e^(−(cμ − λ)t), so most requests never wait at
 * all and the quantile is zero whenever C ≤ 1 − p.
 */
export function waitQuantileSeconds(p: number, servers: number, arrivalsPerSecond: number, serviceSeconds: number): number {
  const load = arrivalsPerSecond * serviceSeconds;
  if (load >= servers) return Infinity;
  const waitProbability = erlangC(servers, load);
  if (waitProbability <= 1 - p) return 0;
  const drainRate = servers / serviceSeconds - arrivalsPerSecond;
  return Math.log(waitProbability / (1 - p)) / drainRate;
}
