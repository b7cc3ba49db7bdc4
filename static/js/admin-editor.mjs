// The admin's rich-text editor (django-prose-editor) writes into a hidden textarea, which
// keeps the field's label and help text. Once an editor is ready, give its editable area
// the same name and description, so a screen reader announces "Body, edit text, multi-line"
// with its hint, and clicking the label puts the cursor in the editor.
document.addEventListener("prose-editor:ready", (event) => {
  const { editor, textarea } = event.detail;
  const area = editor.view.dom;
  const label = document.querySelector(`label[for="${textarea.id}"]`);
  if (label) {
    label.id = label.id || `${textarea.id}_label`;
    area.setAttribute("aria-labelledby", label.id);
    label.addEventListener("click", (click) => {
      click.preventDefault();
      editor.commands.focus();
    });
  }
  const hint = textarea.getAttribute("aria-describedby");
  if (hint) {
    area.setAttribute("aria-describedby", hint);
  }
  area.setAttribute("aria-multiline", "true");
  if (textarea.getAttribute("aria-invalid") === "true") {
    area.setAttribute("aria-invalid", "true");
  }
});
