// The shop's own script, from its own origin: no inline script under this policy.
const picker = document.querySelector('branch-picker');
picker.addEventListener('branch-select', (event) => {
  document.getElementById('chosen').textContent = event.detail.branch.postalCode;
});
