export function securityHeaders(options: { production: boolean }): { key: string; value: string }[];
