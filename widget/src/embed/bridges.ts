/**
 * How the embed page tells its host what happened: one message shape for every host, sent to
 * whichever is present — React Native's WebView, iOS's WKWebView, an Android JavaScript interface,
 * Flutter (flutter_inappwebview, webview_flutter), or the parent of an iframe at exactly the origin
 * the proxy allowed (never `*`).
 */
import type { BranchSelection, PickerErrorDetail } from '../events';

/** Version of the message shape (contract), not of the widget. */
export const MESSAGE_VERSION = 1;

/** What the host receives (contract). */
export type EmbedMessage =
  | ({ type: 'branch-select'; version: number } & BranchSelection)
  | { type: 'branch-picker-close'; version: number }
  | ({ type: 'branch-picker-error'; version: number } & PickerErrorDetail);

export interface Bridge {
  name: string;
  post(message: EmbedMessage): void;
}

interface HostGlobals {
  ReactNativeWebView?: { postMessage(data: string): void };
  webkit?: { messageHandlers?: { branchPicker?: { postMessage(data: unknown): void } } };
  BranchPickerAndroid?: { postMessage(data: string): void };
  flutter_inappwebview?: { callHandler(name: string, ...args: unknown[]): unknown };
  /** webview_flutter's JavaScriptChannel of that name (not our loader's global, which has a version). */
  BranchPicker?: { postMessage?(data: string): void; version?: unknown };
}

/** The hosts present in this page, the iframe parent last. */
export function findBridges(parentOrigin: string | null): Bridge[] {
  const w = window as unknown as HostGlobals;
  const bridges: Bridge[] = [];
  const json = (m: EmbedMessage) => JSON.stringify(m);
  if (typeof w.ReactNativeWebView?.postMessage === 'function')
    bridges.push({ name: 'react-native', post: (m) => w.ReactNativeWebView!.postMessage(json(m)) });
  const ios = w.webkit?.messageHandlers?.branchPicker;
  if (ios) bridges.push({ name: 'ios', post: (m) => ios.postMessage(m) });
  if (typeof w.BranchPickerAndroid?.postMessage === 'function')
    bridges.push({ name: 'android', post: (m) => w.BranchPickerAndroid!.postMessage(json(m)) });
  if (typeof w.flutter_inappwebview?.callHandler === 'function')
    bridges.push({
      name: 'flutter_inappwebview',
      post: (m) => void w.flutter_inappwebview!.callHandler('branchPicker', m),
    });
  const channel = w.BranchPicker;
  if (channel && typeof channel.postMessage === 'function' && typeof channel.version !== 'string')
    bridges.push({ name: 'webview_flutter', post: (m) => channel.postMessage!(json(m)) });
  if (parentOrigin && window.parent !== window)
    bridges.push({ name: 'iframe', post: (m) => window.parent.postMessage(m, parentOrigin) });
  return bridges;
}
