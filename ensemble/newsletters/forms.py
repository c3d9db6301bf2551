from django import forms

from .models import Newsletter


class NewsletterForm(forms.ModelForm):
    class Meta:
        model = Newsletter
        fields = ["subject", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 16})}


class ConsentForm(forms.Form):
    """One checkbox per territory the person belongs to."""

    def __init__(self, *args, territories, consented: set[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.territories = territories
        for territory in territories:
            self.fields[f"territory_{territory.pk}"] = forms.BooleanField(
                label=territory.name, required=False, initial=territory.pk in consented
            )

    def choices(self) -> list[tuple]:
        return [(t, self.cleaned_data[f"territory_{t.pk}"]) for t in self.territories]
