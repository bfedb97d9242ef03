import { startBackground } from '@/lib/background';
import { bundledIndex } from '@/lib/dataset/bundled';

export default defineBackground(() => {
  startBackground(bundledIndex());
});
