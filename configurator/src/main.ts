/**
 * The configurator page's entry: the widget comes from the proxy's own loader (the page loads it),
 * and the builder element is defined once the widget is, so that its preview is the real widget.
 */
import { BpConfigurator } from './configurator';

interface Loader {
  load(): Promise<unknown>;
}

const loader = (window as unknown as { BranchPicker?: Loader }).BranchPicker;
// The preview sits inside this element's shadow root, where the loader does not look: load it now.
void loader?.load();
if (!customElements.get('bp-configurator'))
  customElements.define('bp-configurator', BpConfigurator);
