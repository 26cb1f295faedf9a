import 'branch-picker';
import type {} from 'branch-picker/jsx';
import type { SelectedBranch } from 'branch-picker';
import { useState } from 'react';

export function PickupPoint() {
  const [branch, setBranch] = useState<SelectedBranch | null>(null);
  return (
    <>
      <branch-picker
        api="https://picker.example.com/"
        from="101000"
        weight={1200}
        no-geolocation
        style={{ display: 'block', height: 520 }}
        onbranch-select={(event) => setBranch(event.detail.branch)}
      />
      <input type="hidden" name="pickup_point" value={branch?.id ?? ''} />
    </>
  );
}
