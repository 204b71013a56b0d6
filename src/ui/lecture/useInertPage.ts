import { useEffect } from 'react';

/**
 * Makes the page under a full-window overlay inert while it is open, so Tab, clicks and screen readers
 * stay in the overlay (it is portalled outside #root, so it is not affected).
 */
export function useInertPage(): void {
  useEffect(() => {
    const root = document.getElementById('root');
    root?.setAttribute('inert', '');
    return () => root?.removeAttribute('inert');
  }, []);
}
