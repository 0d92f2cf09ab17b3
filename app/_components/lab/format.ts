// Number formats shared by the lab's panels and charts (exact, with units).

export const formatSeconds = (s: number): string => `${s.toFixed(1)} s`;
export const formatUsd = (usd: number): string => `$${usd.toFixed(4)}`;
export const formatCount = (n: number): string => n.toLocaleString('en-US');
export const formatPercent = (share: number): string => `${(share * 100).toFixed(1)} %`;
