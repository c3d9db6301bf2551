from django.core.exceptions import ValidationError


def form_add_service_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form, on the field it names when it has one."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)
