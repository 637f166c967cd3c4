// The current time, rendered again every `everyMs`, for text such as "held for 24 more minutes".
// Each render reads the clock afresh (a hold renewed since the last tick never reads a minute too
// long); while a server-rendered page hydrates it is the server's render instant (render-time.ts).
import { useEffect, useState } from 'react';
import { useRenderTime } from './render-time';

export function useNow(everyMs = 30_000): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setTick((t) => t + 1), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return useRenderTime();
}
