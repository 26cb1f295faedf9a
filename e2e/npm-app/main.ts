import 'branch-picker';

const picker = document.createElement('branch-picker'); // a BranchPicker
picker.api = 'https://picker.example.com/';
picker.from = '101000';
picker.weight = '1200';
picker.style.cssText = 'display: block; height: 520px';
picker.addEventListener('branch-select', (event) => {
  const { branch, quote } = event.detail; // a BranchSelection
  const field = document.querySelector<HTMLInputElement>('#pickup-point');
  if (field) field.value = branch.id;
  console.log(branch.postalCode, quote?.cost.amount);
});
document.querySelector('#checkout')?.append(picker);
