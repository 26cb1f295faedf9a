import { css } from 'lit';

/** The configurator's page: the form and the preview side by side, one column on a phone. */
export const styles = css`
  :host {
    display: block;
    max-width: 1440px;
    margin: 0 auto;
    padding: 16px;
    color: #1b1d21;
    font:
      15px/1.45 system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      sans-serif;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px 24px;
    margin-bottom: 16px;
  }
  h1 {
    margin: 0;
    font-size: 24px;
  }
  header p {
    flex: 1 1 320px;
    margin: 0;
    color: #5c6370;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(320px, 440px) minmax(0, 1fr);
    gap: 20px;
    align-items: start;
  }
  @media (max-width: 900px) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .form {
    display: grid;
    gap: 14px;
  }
  .section {
    margin: 0;
    padding: 12px 16px 16px;
    border: 1px solid #dde1e7;
    border-radius: 12px;
    background: #fff;
  }
  .section legend {
    padding: 0 4px;
  }
  .section h2,
  .preview h2,
  .output h2 {
    margin: 0;
    font-size: 17px;
  }
  .field {
    display: grid;
    gap: 4px;
    margin: 10px 0 0;
  }
  .field.check,
  .check {
    display: flex;
    align-items: center;
    gap: 8px;
  }
  .group {
    display: flex;
    flex-wrap: wrap;
    gap: 6px 16px;
    padding: 0;
    border: 0;
  }
  .group legend {
    margin-bottom: 4px;
    padding: 0;
  }
  label {
    font-weight: 600;
  }
  .check label,
  .group label {
    font-weight: 400;
  }
  input:not([type='checkbox']):not([type='color']):not([type='file']),
  select,
  textarea {
    min-height: 40px;
    padding: 8px 10px;
    border: 1px solid #c7ccd4;
    border-radius: 8px;
    background: #fff;
    color: inherit;
    font: inherit;
    font-size: 16px;
  }
  input[type='checkbox'] {
    width: 20px;
    height: 20px;
    margin: 0;
  }
  input[type='color'] {
    width: 56px;
    height: 40px;
    padding: 2px;
    border: 1px solid #c7ccd4;
    border-radius: 8px;
  }
  [aria-invalid='true'] {
    border-color: #b42318 !important;
  }
  .hint,
  .lookup,
  .muted {
    margin: 0;
    color: #5c6370;
    font-size: 13px;
  }
  .problem {
    margin: 0;
    color: #b42318;
    font-size: 13px;
    font-weight: 600;
  }
  .inline {
    display: flex;
    gap: 8px;
    align-items: center;
  }
  .inline input {
    flex: 1;
    min-width: 0;
  }
  .side {
    position: sticky;
    top: 12px;
    min-width: 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 14px;
  }
  @media (max-width: 900px) {
    /* On a phone: the preview first, then the form, then saving and the code. */
    .side {
      display: contents;
    }
    .preview {
      order: -1;
    }
    .saving,
    .output {
      order: 1;
    }
  }
  .preview,
  .saving,
  .output {
    padding: 12px 16px 16px;
    border: 1px solid #dde1e7;
    border-radius: 12px;
    background: #fff;
  }
  .preview-bar {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 8px;
    margin-bottom: 10px;
  }
  .toggles {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .frame {
    margin: 0 auto;
    transition: width 150ms ease-out;
  }
  .frame.phone {
    width: 375px;
    max-width: 100%;
  }
  button {
    min-height: 40px;
    padding: 8px 14px;
    border-radius: 8px;
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  button.primary {
    border: 0;
    background: #0a5bd3;
    color: #fff;
  }
  button.primary:disabled {
    opacity: 0.6;
    cursor: default;
  }
  button.secondary,
  button.toggle,
  label.file {
    border: 1px solid #c7ccd4;
    background: #fff;
    color: inherit;
  }
  button.toggle[aria-pressed='true'] {
    border-color: #0a5bd3;
    background: #e8f0fc;
  }
  button.link {
    min-height: 0;
    padding: 0 4px;
    border: 0;
    background: none;
    color: #0a5bd3;
    text-decoration: underline;
  }
  label.file {
    display: inline-flex;
    align-items: center;
    box-sizing: border-box;
    min-height: 40px;
    padding: 8px 14px;
    border-radius: 8px;
    font-weight: 600;
    line-height: normal;
    cursor: pointer;
  }
  label.file:focus-within {
    outline: 3px solid #0a5bd3;
    outline-offset: 2px;
  }
  label.file input {
    position: absolute;
    width: 1px;
    height: 1px;
    opacity: 0;
  }
  :focus-visible {
    outline: 3px solid #0a5bd3;
    outline-offset: 2px;
  }
  .save-row,
  .file-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 10px;
  }
  .save-state {
    margin: 0;
  }
  .token {
    margin: 10px 0;
    padding: 10px 12px;
    border-radius: 8px;
    background: #fff4e5;
  }
  .token p {
    margin: 4px 0;
  }
  code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace;
    font-size: 13px;
    overflow-wrap: anywhere;
  }
  pre {
    overflow: auto;
    max-height: 220px;
    margin: 6px 0;
    padding: 10px;
    border-radius: 8px;
    background: #f4f5f7;
  }
  .snippet h3 {
    margin: 14px 0 0;
    font-size: 15px;
  }
  .versions {
    padding-left: 18px;
  }
  .open-form {
    display: grid;
    gap: 8px;
    margin-top: 8px;
  }
  details {
    margin-top: 10px;
  }
  summary {
    cursor: pointer;
    font-weight: 600;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
  }
`;
