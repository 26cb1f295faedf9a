import type { Catalog } from './catalog';

/** English. */
export const en: Catalog = {
  locale: 'en-GB',
  typeName: {
    post_office: 'Post office',
    parcel_locker: 'Parcel locker',
    pickup_point: 'Pickup point',
  },
  branches: { one: 'branch', other: 'branches' },
  mapLabel: 'Map of pickup branches',
  inView: '{count} on the map',
  noneInView: 'No branches in this part of the map',
  loading: 'Loading branches…',
  loadFailed: 'The branches could not be loaded.',
  retry: 'Try again',
  clusterLabel: 'Group of {count}. Zoom in',
  branchLabel: '{type} {code}',
  choose: 'Choose this branch',
  chosen: 'Branch chosen',
  close: 'Close',
  postalCode: 'Postal code',
  detailsLoading: 'Loading branch details…',
  detailsFailed: 'The branch details could not be loaded.',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  delivery: 'Delivery',
  days: { one: 'day', other: 'days' },
  free: 'free',
  quoteLoading: 'Working out the delivery cost…',
  quoteFailed: 'The delivery cost could not be worked out.',
  estimate: 'estimate',
  estimateHint:
    'Russian Post is not answering right now: the cost and time come from the shop’s rates.',
  staleAt: 'as of {time}',
};
