// The benchmark baseline: the smallest Vite + React page, which the renderer's size and load time
// are compared against (bench/suites/foundation.mjs builds it into a temporary folder).
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')).render(<div>hello</div>);
