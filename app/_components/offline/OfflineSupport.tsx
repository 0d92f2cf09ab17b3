'use client';
import { useEffect } from 'react';
import { registerServiceWorker } from './register';

/** Renders nothing: registers the service worker that keeps the course available offline. */
export function OfflineSupport() {
  useEffect(registerServiceWorker, []);
  return null;
}
