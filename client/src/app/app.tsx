import { useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import { createQueryClient } from '@/lib/api/query-client';
import { openSignalRHub } from '@/lib/live/signalr-hub';
import { Providers } from './providers';
import { createAppRouter } from './router';

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createAppRouter);
  return (
    <Providers queryClient={queryClient} openHub={openSignalRHub}>
      <RouterProvider router={router} />
    </Providers>
  );
}
